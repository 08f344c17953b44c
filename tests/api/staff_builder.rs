//! The poll builder pages: preview with hints, errors next to their fields, saving a draft, a poll
//! in Dutch and Turkish that keeps its languages through an edit, and building a two-question poll
//! in a real browser (with an Arabic field, checked by axe-core).

use fantoccini::Locator;
use flits_i18n::Locale;

use crate::browser::{self, Browser, Script};
use crate::helpers::*;
use crate::on_both_backends;
use crate::staff_access::{PASSWORD, login, staff_fixture};

fn two_questions(slug: &str, title_en: &str) -> Vec<(&'static str, String)> {
    vec![
        ("slug", slug.to_owned()),
        ("language_en", "on".into()),
        ("title_nl", "Fietsen bij het station".into()),
        ("title_en", title_en.into()),
        ("purpose", "Weten of er meer rekken nodig zijn".into()),
        ("audiences", "velsen".into()),
        ("promise_nl", "In maart leest u hier wat we doen.".into()),
        ("promise_en", "In March you read here what we do.".into()),
        ("q0_id", "vervoer".into()),
        ("q0_kind", "single_choice".into()),
        (
            "q0_text_nl",
            "Inzake uw vervoer: hoe komt u naar het station?".into(),
        ),
        ("q0_text_en", "How do you get to the station?".into()),
        (
            "q0_options_nl",
            "fiets | Met de fiets\nbus | Met de bus".into(),
        ),
        ("q0_options_en", "fiets | By bike\nbus | By bus".into()),
        ("q0_required", "on".into()),
        ("q1_id", "cijfer".into()),
        ("q1_kind", "scale".into()),
        ("q1_text_nl", "Hoe tevreden bent u over de rekken?".into()),
        ("q1_text_en", "How happy are you with the racks?".into()),
        ("q1_min", "1".into()),
        ("q1_max", "5".into()),
    ]
}

on_both_backends!(
    the_builder_previews_hints_errors_and_saves_a_draft,
    |backend| async move {
        let app = spawn_app(backend).await;
        let users = staff_fixture(&app).await;
        let s = login(&app, &users[1].1, PASSWORD).await;
        let url = format!("{}/staff/polls/new", app.address);
        let mut form = two_questions("fiets-station", "Bikes at the station");
        form.push(("_csrf", s.csrf.clone()));
        let mut preview = form.clone();
        preview.push(("action", "preview".into()));
        let res = app
            .client
            .post(&url)
            .header("cookie", &s.cookie)
            .form(&preview)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
        let page = res.text().await.unwrap();
        assert!(
            page.contains("id=\"phone-preview-nl\"") && page.contains("Met de fiets"),
            "the phone preview shows the options"
        );
        assert!(page.contains("link-card") && page.contains("Fietsen bij het station"));
        assert!(
            page.contains("msg-hint") && page.contains("Inzake"),
            "the officialese hint shows by the question"
        );
        assert!(
            page.contains("in plaats van"),
            "the hint is worded from the catalogue, in Dutch"
        );
        assert_eq!(
            app.store.poll_by_slug("fiets-station").await.unwrap(),
            None,
            "a preview stores nothing"
        );

        // A missing translation is an error next to its field; nothing is stored.
        let mut broken = form.clone();
        broken.retain(|(k, _)| *k != "q0_text_en");
        broken.push(("action", "save".into()));
        let res = app
            .client
            .post(&url)
            .header("cookie", &s.cookie)
            .form(&broken)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 422);
        let page = res.text().await.unwrap();
        let after_field = page.split("id=\"q0_text_en\"").nth(1).unwrap();
        let by_field = after_field.split("<label").next().unwrap();
        assert!(
            by_field.contains("msg-error"),
            "the error sits by the English question text"
        );
        assert!(
            by_field.contains("De vertaling in het Engels ontbreekt"),
            "the same words as flits poll validate: {by_field}"
        );
        assert_eq!(app.store.poll_by_slug("fiets-station").await.unwrap(), None);

        let mut save = form.clone();
        save.push(("action", "save".into()));
        let res = app
            .client
            .post(&url)
            .header("cookie", &s.cookie)
            .form(&save)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303);
        assert!(
            res.headers()["location"]
                .to_str()
                .unwrap()
                .starts_with("/staff/polls/fiets-station/edit")
        );
        let poll = app
            .store
            .poll_by_slug("fiets-station")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(poll.state, flits_survey::PollState::Draft);
        assert_eq!(poll.organisation_id, "velsen");
        assert_eq!(poll.definition.questions.len(), 2);
        assert_eq!(poll.definition.questions[1].max, Some(5));

        // The same address again: refused by the slug, in the page's language.
        let mut again = save.clone();
        again.retain(|(k, _)| *k != "_csrf");
        again.push(("_csrf", s.csrf.clone()));
        let res = app
            .client
            .post(format!("{url}?lang=en"))
            .header("cookie", &s.cookie)
            .form(&again)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 409);
        let page = res.text().await.unwrap();
        assert!(
            page.contains("This address is already in use."),
            "slug_taken by the slug field"
        );

        // Edit: the stored values come back in the form; a change is saved.
        let edit = app
            .client
            .get(format!("{}/staff/polls/fiets-station/edit", app.address))
            .header("cookie", &s.cookie)
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(edit.contains("value=\"Bikes at the station\""));
        let mut changed = two_questions("fiets-station", "Bicycles at the station");
        changed.push(("_csrf", s.csrf.clone()));
        changed.push(("action", "save".into()));
        let res = app
            .client
            .post(format!("{}/staff/polls/fiets-station/edit", app.address))
            .header("cookie", &s.cookie)
            .form(&changed)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303);
        let poll = app
            .store
            .poll_by_slug("fiets-station")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            poll.definition.title.exact("en"),
            Some("Bicycles at the station")
        );
        // A scheduled poll cannot be edited here.
        let res = app
            .client
            .get(format!("{}/staff/polls/demo-gepland/edit", app.address))
            .header("cookie", &s.cookie)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 409);
    }
);

on_both_backends!(
    the_builder_keeps_the_promised_follow_up_day_and_refuses_a_wrong_one,
    |backend| async move {
        let app = spawn_app(backend).await;
        let users = staff_fixture(&app).await;
        let s = login(&app, &users[1].1, PASSWORD).await;
        let url = format!("{}/staff/polls/new", app.address);
        let post = |fields: Vec<(&'static str, String)>| {
            let (client, url, cookie) = (app.client.clone(), url.clone(), s.cookie.clone());
            async move {
                client
                    .post(&url)
                    .header("cookie", cookie)
                    .form(&fields)
                    .send()
                    .await
                    .unwrap()
            }
        };
        let mut form = two_questions("fiets-later", "Bikes at the station");
        form.push(("_csrf", s.csrf.clone()));
        form.push(("action", "save".into()));

        // Not a date: an error by the field, nothing stored.
        let mut wrong = form.clone();
        wrong.push(("follow_up_on", "1 maart".into()));
        let res = post(wrong).await;
        assert_eq!(res.status(), 422);
        let page = res.text().await.unwrap();
        let by_field = page.split("id=\"follow_up_on\"").nth(1).unwrap();
        let by_field = by_field.split("<label").next().unwrap();
        assert!(
            by_field.contains("msg-error") && by_field.contains("2027-03-01"),
            "the error names the form a date takes: {by_field}"
        );
        assert_eq!(app.store.poll_by_slug("fiets-later").await.unwrap(), None);

        // A date: stored in the brief, and shown again when editing.
        let mut right = form.clone();
        right.push(("follow_up_on", "2027-03-01".into()));
        assert_eq!(post(right).await.status(), 303);
        let poll = app
            .store
            .poll_by_slug("fiets-later")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            poll.definition.brief.unwrap().follow_up_on,
            chrono::NaiveDate::from_ymd_opt(2027, 3, 1)
        );
        let edit = app
            .client
            .get(format!("{}/staff/polls/fiets-later/edit", app.address))
            .header("cookie", &s.cookie)
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(edit.contains("value=\"2027-03-01\""), "{edit}");
    }
);

/// The form of a poll in Dutch and Turkish, its first question's Turkish text as given.
fn dutch_and_turkish(text_tr: &str) -> Vec<(&'static str, String)> {
    vec![
        ("slug", "bankjes".to_owned()),
        ("language_tr", "on".into()),
        ("title_nl", "Bankjes in het park".into()),
        ("title_tr", "Parktaki banklar".into()),
        ("purpose", "Weten waar bankjes moeten komen".into()),
        ("audiences", "velsen".into()),
        ("promise_nl", "In mei leest u hier wat we doen.".into()),
        (
            "promise_tr",
            "Mayıs ayında ne yapacağımızı burada okuyabilirsiniz.".into(),
        ),
        ("q0_id", "plek".into()),
        ("q0_kind", "single_choice".into()),
        ("q0_text_nl", "Waar wilt u een bankje?".into()),
        ("q0_text_tr", text_tr.into()),
        (
            "q0_options_nl",
            "vijver | Bij de vijver\nspeeltuin | Bij de speeltuin".into(),
        ),
        (
            "q0_options_tr",
            "vijver | Göletin yanında\nspeeltuin | Oyun parkının yanında".into(),
        ),
    ]
}

on_both_backends!(
    a_poll_in_dutch_and_turkish_keeps_its_languages_through_an_edit,
    |backend| async move {
        let app = spawn_app(backend).await;
        let users = staff_fixture(&app).await;
        let s = login(&app, &users[1].1, PASSWORD).await;
        let post = |url: String, mut form: Vec<(&'static str, String)>, action: &str| {
            form.push(("_csrf", s.csrf.clone()));
            form.push(("action", action.to_owned()));
            app.client
                .post(url)
                .header("cookie", &s.cookie)
                .form(&form)
                .send()
        };
        let new = format!("{}/staff/polls/new", app.address);

        // The Turkish question text left empty: an error by that field, in the staff language.
        let res = post(new.clone(), dutch_and_turkish(""), "save")
            .await
            .unwrap();
        assert_eq!(res.status(), 422);
        let page = res.text().await.unwrap();
        let field = page
            .split("id=\"q0_text_tr\"")
            .nth(1)
            .expect("a Turkish field");
        assert!(
            field.starts_with(" name=\"q0_text_tr\" value=\"\" lang=\"tr\" dir=\"ltr\">"),
            "{field:.120}"
        );
        let by_field = field.split("<label").next().unwrap();
        assert!(
            by_field.contains("msg-error")
                && by_field.contains("De vertaling in het Turks ontbreekt"),
            "translation_missing at questions[0].text.tr sits by its field: {by_field}"
        );
        assert!(
            !page.contains("id=\"q0_text_en\""),
            "no fields for a language the poll does not offer"
        );
        assert_eq!(app.store.poll_by_slug("bankjes").await.unwrap(), None);

        // The preview in Turkish: the resident's texts and the phone in that language.
        let in_turkish = dutch_and_turkish("Nereye bank istersiniz?");
        let page = post(new.clone(), in_turkish, "preview")
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let phone = page.split("id=\"phone-preview-tr\"").nth(1).unwrap();
        assert!(phone.starts_with(" lang=\"tr\" dir=\"ltr\""), "{phone:.80}");
        assert!(
            phone.contains("Parktaki banklar")
                && phone.contains("Göletin yanında")
                && phone.contains("Yaklaşık 1 dakikanızı alır."),
            "{phone}"
        );

        // Filled in: saved, with its languages.
        let res = post(new, dutch_and_turkish("Nereye bank istersiniz?"), "save")
            .await
            .unwrap();
        assert_eq!(res.status(), 303);
        let poll = app.store.poll_by_slug("bankjes").await.unwrap().unwrap();
        let def = &poll.definition;
        assert_eq!(def.languages, Some(vec![Locale::Nl, Locale::Tr]));
        assert_eq!(
            def.questions[0].text.exact("tr"),
            Some("Nereye bank istersiniz?")
        );
        assert_eq!(
            def.questions[0].options[0].text.exact("tr"),
            Some("Göletin yanında")
        );

        // The edit page: the language choice and the Turkish texts are still there.
        let edit = app
            .client
            .get(format!("{}/staff/polls/bankjes/edit", app.address))
            .header("cookie", &s.cookie)
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(
            edit.contains("name=\"language_tr\" checked"),
            "Turkish stays chosen"
        );
        assert!(!edit.contains("name=\"language_en\" checked"));
        for turkish in [
            "value=\"Parktaki banklar\"",
            "value=\"Nereye bank istersiniz?\"",
            "Mayıs ayında ne yapacağımızı burada okuyabilirsiniz.</textarea>",
            "vijver | Göletin yanında\nspeeltuin | Oyun parkının yanında</textarea>",
        ] {
            assert!(edit.contains(turkish), "{turkish}");
        }
        // Saved again from the edit page: nothing is lost.
        let res = post(
            format!("{}/staff/polls/bankjes/edit", app.address),
            dutch_and_turkish("Nereye bank istersiniz?"),
            "save",
        )
        .await
        .unwrap();
        assert_eq!(res.status(), 303);
        let again = app.store.poll_by_slug("bankjes").await.unwrap().unwrap();
        assert_eq!(&again.definition, def);
    }
);

/// The standard questions' boxes, named by their ids.
const STANDARD: [&str; 4] = ["leeftijd", "wijk", "first_time", "heard_via"];

/// The ids of the demo's neighbourhoods of `municipality`, as configured.
fn demo_neighbourhoods(municipality: &str) -> Vec<&'static str> {
    flits::demo::NEIGHBOURHOODS
        .iter()
        .find(|(id, _)| *id == municipality)
        .unwrap()
        .1
        .iter()
        .map(|(id, _)| *id)
        .collect()
}

/// The `<input>` tag of the box `field` on a builder page, if there is one.
fn standard_box<'a>(page: &'a str, field: &str) -> Option<&'a str> {
    let start = page.find(&format!("<input type=\"checkbox\" id=\"{field}\""))?;
    let len = page[start..].find('>')?;
    Some(&page[start..=start + len])
}

on_both_backends!(
    the_builder_saves_each_ticked_standard_question_and_an_edit_unticks_it,
    |backend| async move {
        let app = spawn_app_on(TestDb::new(backend).await, |s| {
            flits::demo::configure(s).unwrap()
        })
        .await;
        let users = staff_fixture(&app).await;
        let s = login(&app, &users[1].1, PASSWORD).await;
        let post = |url: String, ticked: &[&'static str]| {
            let mut form = two_questions("standaard", "Bikes at the station");
            form.extend(ticked.iter().map(|id| (*id, "on".to_owned())));
            form.push(("_csrf", s.csrf.clone()));
            form.push(("action", "save".into()));
            app.client
                .post(url)
                .header("cookie", &s.cookie)
                .form(&form)
                .send()
        };
        let res = post(format!("{}/staff/polls/new", app.address), &STANDARD)
            .await
            .unwrap();
        assert_eq!(res.status(), 303, "{}", res.text().await.unwrap());
        let def = app
            .store
            .poll_by_slug("standaard")
            .await
            .unwrap()
            .unwrap()
            .definition;
        let ids: Vec<&str> = def.questions.iter().map(|q| q.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "vervoer",
                "cijfer",
                "leeftijd",
                "wijk",
                "first_time",
                "heard_via"
            ]
        );
        let catalogue = flits_i18n::catalogue();
        for (id, help) in [
            ("leeftijd", "standard-age-help"),
            ("wijk", "standard-neighbourhood-help"),
            ("first_time", "standard-first-time-help"),
            ("heard_via", "standard-heard-via-help"),
        ] {
            let q = def.question(id).unwrap();
            assert!(q.profile && !q.required, "{id}");
            assert_eq!(q.text.langs(), ["en", "nl"], "{id}: the poll's languages");
            for l in [Locale::Nl, Locale::En] {
                assert_eq!(
                    q.help.as_ref().unwrap().exact(l.code()),
                    Some(catalogue.format(l, help, &[]).as_str()),
                    "{id}: the reason in {}",
                    l.code()
                );
            }
        }
        let options = |id: &str| -> Vec<String> {
            let q = def.question(id).unwrap();
            q.options.iter().map(|o| o.id.clone()).collect()
        };
        assert_eq!(
            options("leeftijd"),
            ["tot15", "15-24", "25-44", "45-64", "65plus"]
        );
        assert_eq!(options("wijk"), demo_neighbourhoods("velsen"));
        assert_eq!(
            def.question("wijk").unwrap().options[0].text.exact("en"),
            Some("IJmuiden")
        );

        // The edit page ticks the box of each standard question the poll has.
        let edit_url = format!("{}/staff/polls/standaard/edit", app.address);
        let edit = app
            .client
            .get(&edit_url)
            .header("cookie", &s.cookie)
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        for id in STANDARD {
            let tag = standard_box(&edit, id).unwrap_or_else(|| panic!("no box {id}"));
            assert!(tag.ends_with(" checked>"), "{tag}");
        }
        assert!(
            !edit.contains("value=\"leeftijd\""),
            "no slot holds a standard question"
        );

        // Unticked: removed; the others stay.
        let res = post(edit_url.clone(), &["leeftijd", "wijk"]).await.unwrap();
        assert_eq!(res.status(), 303);
        let def = app
            .store
            .poll_by_slug("standaard")
            .await
            .unwrap()
            .unwrap()
            .definition;
        let ids: Vec<&str> = def.questions.iter().map(|q| q.id.as_str()).collect();
        assert_eq!(ids, ["vervoer", "cijfer", "leeftijd", "wijk"]);
        let edit = app
            .client
            .get(&edit_url)
            .header("cookie", &s.cookie)
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(
            !standard_box(&edit, "first_time")
                .unwrap()
                .ends_with(" checked>")
        );
        assert!(standard_box(&edit, "wijk").unwrap().ends_with(" checked>"));

        // Open, the poll page shows each reason under its question, in the resident's language.
        let poll = app.store.poll_by_slug("standaard").await.unwrap().unwrap();
        let now = chrono::Utc::now();
        app.store
            .set_poll_schedule(
                poll.id,
                flits_survey::PollState::Open,
                Some(now - chrono::TimeDelta::hours(1)),
                Some(now + chrono::TimeDelta::days(7)),
            )
            .await
            .unwrap();
        let page = app.get("/p/standaard?lang=en").await.text().await.unwrap();
        let question = page.split("id=\"q-wijk\"").nth(1).unwrap();
        let question = question.split("</fieldset>").next().unwrap();
        let reason = catalogue.format(Locale::En, "standard-neighbourhood-help", &[]);
        assert!(
            question.contains(&format!(
                "<p class=\"help\" id=\"q-wijk-help\">{reason}</p>"
            )),
            "{question}"
        );
        assert!(
            question.contains("<span class=\"optional\">"),
            "residents may skip it: {question}"
        );
        assert!(question.contains("Velsen-Zuid"), "{question}");
    }
);

on_both_backends!(
    the_neighbourhood_question_is_offered_only_for_one_audience_with_a_list,
    |backend| async move {
        let app = spawn_app_on(TestDb::new(backend).await, |s| {
            flits::demo::configure(s).unwrap();
            // Heemskerk without its list, as a configuration may have it.
            let heemskerk = s
                .audiences
                .iter_mut()
                .find(|a| a.id == "heemskerk")
                .unwrap();
            heemskerk.neighbourhoods = Default::default();
        })
        .await;
        let users = staff_fixture(&app).await;
        let s = login(&app, &users[1].1, PASSWORD).await;
        let preview = |audiences: &[&'static str]| {
            let mut form = two_questions("wijken", "Neighbourhoods");
            form.retain(|(k, _)| *k != "audiences");
            form.extend(audiences.iter().map(|a| ("audiences", (*a).to_owned())));
            form.push(("wijk", "on".into()));
            form.push(("_csrf", s.csrf.clone()));
            form.push(("action", "preview".into()));
            let (client, cookie) = (app.client.clone(), s.cookie.clone());
            let url = format!("{}/staff/polls/new?lang=en", app.address);
            async move {
                client
                    .post(url)
                    .header("cookie", cookie)
                    .form(&form)
                    .send()
                    .await
                    .unwrap()
                    .text()
                    .await
                    .unwrap()
            }
        };
        let phone = |page: &str| {
            page.split("id=\"phone-preview-en\"")
                .nth(1)
                .unwrap()
                .to_owned()
        };

        // Velsen has a list: the box, its options named, and the question in the preview.
        let page = preview(&["velsen"]).await;
        let tag = standard_box(&page, "wijk").expect("offered for Velsen");
        assert!(tag.ends_with(" checked>"), "{tag}");
        assert!(
            page.contains(
                "The options are the neighbourhoods of Velsen: IJmuiden, Velsen-Zuid, Driehuis, \
                 Santpoort-Noord, Santpoort-Zuid, Velserbroek, Velsen-Noord."
            ),
            "the configured names, in order"
        );
        assert!(phone(&page).contains("Which neighbourhood do you live in?"));
        assert!(phone(&page).contains("Velserbroek"));

        // Two municipalities: no box, the reason instead, and no question.
        let page = preview(&["velsen", "beverwijk"]).await;
        assert_eq!(standard_box(&page, "wijk"), None);
        assert!(page.contains("id=\"wijk-unavailable\""));
        assert!(page.contains("A poll for several audiences cannot ask for the neighbourhood"));
        assert!(!phone(&page).contains("Which neighbourhood"));

        // An audience without a list, and none chosen yet.
        let page = preview(&["heemskerk"]).await;
        assert_eq!(standard_box(&page, "wijk"), None);
        assert!(page.contains("No neighbourhoods are configured for Heemskerk."));
        let page = preview(&[]).await;
        assert_eq!(standard_box(&page, "wijk"), None);
        assert!(page.contains("First choose one audience"));
        assert!(
            standard_box(&page, "leeftijd").is_some(),
            "the other questions need no list"
        );

        // Beverwijk's own list, and saved as such.
        let page = preview(&["beverwijk"]).await;
        assert!(page.contains(
            "of Beverwijk: Centrum, Oosterwijk, Zwaansmeer, Meerestein, Warande, Wijk aan Zee."
        ));
        let mut form = two_questions("wijken", "Neighbourhoods");
        form.retain(|(k, _)| *k != "audiences");
        form.push(("audiences", "beverwijk".into()));
        form.push(("wijk", "on".into()));
        form.push(("_csrf", s.csrf.clone()));
        form.push(("action", "save".into()));
        let res = app
            .client
            .post(format!("{}/staff/polls/new", app.address))
            .header("cookie", &s.cookie)
            .form(&form)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303);
        let def = app
            .store
            .poll_by_slug("wijken")
            .await
            .unwrap()
            .unwrap()
            .definition;
        let ids: Vec<&str> = def
            .question("wijk")
            .unwrap()
            .options
            .iter()
            .map(|o| o.id.as_str())
            .collect();
        assert_eq!(ids, demo_neighbourhoods("beverwijk"));
    }
);

/// Posts the builder form `form` with the button `action` pressed and returns the status and page.
async fn press(
    app: &TestApp,
    s: &crate::staff_access::Session,
    form: &[(&'static str, String)],
    action: &str,
) -> (u16, String) {
    let mut form = form.to_vec();
    form.push(("_csrf", s.csrf.clone()));
    form.push(("action", action.to_owned()));
    let res = app
        .client
        .post(format!("{}/staff/polls/new", app.address))
        .header("cookie", &s.cookie)
        .form(&form)
        .send()
        .await
        .unwrap();
    (res.status().as_u16(), res.text().await.unwrap())
}

/// The value of the input `id` on `page`.
fn input_value(page: &str, id: &str) -> Option<String> {
    let rest = page
        .split(&format!("id=\"{id}\" name=\"{id}\" value=\""))
        .nth(1)?;
    Some(rest.split('"').next().unwrap_or("").to_owned())
}

on_both_backends!(
    questions_are_added_by_kind_moved_copied_removed_and_taken_from_the_library,
    |backend| async move {
        let app = spawn_app(backend).await;
        let users = staff_fixture(&app).await;
        let s = login(&app, &users[1].1, PASSWORD).await;

        // A new poll starts with one question, to choose one answer; comms staff see their own
        // organisation, not a choice.
        let res = app
            .client
            .get(format!("{}/staff/polls/new?lang=nl", app.address))
            .header("cookie", &s.cookie)
            .send()
            .await
            .unwrap();
        let page = res.text().await.unwrap();
        assert!(page.contains("id=\"q0_text_nl\"") && !page.contains("id=\"q1_text_nl\""));
        assert!(page.contains("Vraag 1: Eén antwoord kiezen"), "{page}");
        for (value, kind) in [
            ("add_multi_choice", "Meer antwoorden kiezen"),
            ("add_scale", "Schaal"),
            ("add_open_text", "Open vraag"),
        ] {
            assert!(
                page.contains(&format!("value=\"{value}\">{kind}</button>")),
                "{kind}"
            );
        }
        assert!(
            !page.contains("id=\"organisation\""),
            "no choice for comms staff"
        );
        assert!(
            page.contains("Gemeente Velsen"),
            "their own organisation by name"
        );

        // Add a scale: only the scale's fields, no answer options.
        let mut form: Vec<(&'static str, String)> = vec![
            ("count", "1".into()),
            ("q0_id", "vraag1".into()),
            ("q0_kind", "single_choice".into()),
            ("q0_text_nl", "Hoe komt u hier?".into()),
            ("q0_options_nl", "Met de fiets\nMet de bus".into()),
        ];
        let (status, page) = press(&app, &s, &form, "add_scale").await;
        assert_eq!(status, 200);
        assert!(page.contains("id=\"q1_min\"") && page.contains("id=\"q1_label_max_nl\""));
        assert!(
            !page.contains("id=\"q1_options_nl\""),
            "a scale has no options"
        );
        assert!(!page.contains("id=\"q0_min\""), "a choice has no scale");
        assert_eq!(input_value(&page, "q1_id").as_deref(), Some("vraag2"));
        assert!(page.contains("name=\"count\" value=\"2\""));

        // One option per row: ids are made from the texts.
        form[0].1 = "2".into();
        form.extend([
            ("q1_id", "vraag2".into()),
            ("q1_kind", "scale".into()),
            ("q1_text_nl", "Hoe tevreden bent u?".into()),
            ("q1_min", "1".into()),
            ("q1_max", "5".into()),
            ("q1_label_min_nl", "Heel ontevreden".into()),
        ]);
        let (_, page) = press(&app, &s, &form, "up_1").await;
        assert_eq!(
            input_value(&page, "q0_text_nl").as_deref(),
            Some("Hoe tevreden bent u?")
        );
        assert_eq!(
            input_value(&page, "q1_text_nl").as_deref(),
            Some("Hoe komt u hier?")
        );
        let (_, page) = press(&app, &s, &form, "duplicate_0").await;
        assert_eq!(
            input_value(&page, "q1_text_nl").as_deref(),
            Some("Hoe komt u hier?")
        );
        assert_eq!(input_value(&page, "q1_id").as_deref(), Some("vraag1-2"));
        let (_, page) = press(&app, &s, &form, "remove_0").await;
        assert_eq!(
            input_value(&page, "q0_text_nl").as_deref(),
            Some("Hoe tevreden bent u?")
        );
        assert!(!page.contains("id=\"q1_text_nl\""));

        // The library: a B1 question on traffic, with its scale words, as a third question.
        let mut with_template = form.clone();
        with_template.push(("template", "lib:verkeer-veilig".into()));
        let (_, page) = press(&app, &s, &with_template, "template").await;
        assert_eq!(
            input_value(&page, "q2_text_nl").as_deref(),
            Some("Hoe veilig voelt u zich op straat als u fietst?")
        );
        assert_eq!(
            input_value(&page, "q2_label_max_nl").as_deref(),
            Some("Heel veilig")
        );
        assert!(
            page.contains("Verkeer") && page.contains("lib:zorg-weet"),
            "every topic is offered"
        );
    }
);

on_both_backends!(
    hints_are_points_to_look_at_linked_to_their_fields_and_saving_leads_to_scheduling,
    |backend| async move {
        let app = spawn_app(backend).await;
        let users = staff_fixture(&app).await;
        let s = login(&app, &users[1].1, PASSWORD).await;
        let form = two_questions("hint-link", "Bikes at the station");
        let (status, page) = press(&app, &s, &form, "preview").await;
        assert_eq!(status, 200);
        let line = page.split("id=\"builder-status\"").nth(1).unwrap();
        let line = line.split("</div>").next().unwrap();
        assert!(
            !line.contains("in orde"),
            "a hint is not 'in order': {line}"
        );
        assert!(line.contains("punt om naar te kijken"), "{line}");
        assert!(
            line.contains("<a href=\"#q0_text_nl\">") && line.contains("Inzake"),
            "the hint links to its field: {line}"
        );

        // English texts get the English checks; a statement is not a question.
        let mut english = form.clone();
        for (k, v) in english.iter_mut() {
            if *k == "q1_text_en" {
                *v = "Your view on the racks, prior to the works".into();
            }
        }
        let (_, page) = press(&app, &s, &english, "preview").await;
        let field = page.split("id=\"q1_text_en\"").nth(1).unwrap();
        let field = field.split("<label").next().unwrap();
        assert!(
            field.contains("not a question") || field.contains("geen vraag"),
            "{field}"
        );
        assert!(field.contains("prior to"), "{field}");

        // Saved: a confirmation, and the next step is scheduling.
        let (status, _) = {
            let mut save = form.clone();
            save.push(("_csrf", s.csrf.clone()));
            save.push(("action", "save".into()));
            let res = app
                .client
                .post(format!("{}/staff/polls/new", app.address))
                .header("cookie", &s.cookie)
                .form(&save)
                .send()
                .await
                .unwrap();
            let location = res.headers()["location"].to_str().unwrap().to_owned();
            assert_eq!(location, "/staff/polls/hint-link/edit?saved=1&lang=nl");
            (res.status().as_u16(), location)
        };
        assert_eq!(status, 303);
        let page = app
            .client
            .get(format!(
                "{}/staff/polls/hint-link/edit?saved=1&lang=nl",
                app.address
            ))
            .header("cookie", &s.cookie)
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(
            page.contains("Opgeslagen als concept")
                && page.contains("href=\"/staff/polls/hint-link/schedule?lang=nl\">Inplannen</a>"),
            "{page}"
        );
    }
);

on_both_backends!(
    only_an_admin_chooses_the_organisation_of_a_new_poll,
    |backend| async move {
        let app = spawn_app(backend).await;
        let users = staff_fixture(&app).await;
        for (user, slug, expected) in [
            (&users[1].1, "org-comms", "velsen"),
            (&users[2].1, "org-admin", "beverwijk"),
        ] {
            let s = login(&app, user, PASSWORD).await;
            let mut form = two_questions(slug, "Bikes");
            form.push(("organisation", "beverwijk".into()));
            form.push(("_csrf", s.csrf.clone()));
            form.push(("action", "save".into()));
            let res = app
                .client
                .post(format!("{}/staff/polls/new", app.address))
                .header("cookie", &s.cookie)
                .form(&form)
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 303, "{slug}");
            let poll = app.store.poll_by_slug(slug).await.unwrap().unwrap();
            assert_eq!(poll.organisation_id, expected, "{slug}");
        }
        let admin = login(&app, &users[2].1, PASSWORD).await;
        let page = app
            .client
            .get(format!("{}/staff/polls/new?lang=nl", app.address))
            .header("cookie", &admin.cookie)
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(
            page.contains("<select id=\"organisation\"") && page.contains("Gemeente Beverwijk")
        );
    }
);

/// Types `value` into the field with id `id`, replacing what it held.
async fn fill(c: &fantoccini::Client, id: &str, value: &str) {
    let el = c.find(Locator::Id(id)).await.unwrap();
    el.clear().await.unwrap();
    el.send_keys(value).await.unwrap();
}

/// The Arabic texts of [`two_questions`], typed into the fields the Arabic box adds.
const ARABIC: [(&str, &str); 5] = [
    ("title_ar", "الدراجات في المحطة"),
    ("promise_ar", "في مارس تقرأ هنا ما نفعله."),
    ("q0_text_ar", "كيف تصل إلى المحطة؟"),
    ("q0_options_ar", "fiets | بالدراجة\nbus | بالحافلة"),
    ("q1_text_ar", "ما مدى رضاك عن الحوامل؟"),
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_two_question_poll_is_built_in_a_browser_and_previewed() {
    let Some(tools) = browser::tools_or_skip("poll builder in a browser") else {
        return;
    };
    let db = TestDb::new(Backend::Sqlite).await;
    let app = spawn_app_on(db, |s| s.public_url = String::new()).await;
    let users = staff_fixture(&app).await;
    let browser = Browser::start(&tools, Script::Off).await;
    log_in(&browser, &app.address, &users[1].1).await;
    let c = &browser.client;
    c.goto(&format!("{}/staff/polls/new?lang=nl", app.address))
        .await
        .unwrap();
    // Without JavaScript: tick English and Arabic, and the page comes back with their fields.
    for id in ["language_en", "language_ar"] {
        c.find(Locator::Id(id))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
    }
    c.find(Locator::Css("#languages button"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    browser.wait_for("#title_ar").await;
    // A new poll starts with one question; the second is added as a scale.
    c.find(Locator::Css("button[value=add_scale]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    browser.wait_for("#q1_text_ar").await;
    let arabic = c.find(Locator::Id("q0_text_ar")).await.unwrap();
    assert_eq!(arabic.attr("dir").await.unwrap().as_deref(), Some("rtl"));
    assert_eq!(arabic.attr("lang").await.unwrap().as_deref(), Some("ar"));
    for (field, value) in two_questions("browser-peiling", "Bikes") {
        match field {
            // The ids sit under "more settings"; new questions have ids of their own.
            "language_en" | "q0_id" | "q1_id" => {}
            "audiences" => c
                .find(Locator::Id("aud-velsen"))
                .await
                .unwrap()
                .click()
                .await
                .unwrap(),
            "q0_required" => c
                .find(Locator::Id("q0_required"))
                .await
                .unwrap()
                .click()
                .await
                .unwrap(),
            "q0_kind" | "q1_kind" => c
                .find(Locator::Css(&format!("#{field} option[value='{value}']")))
                .await
                .unwrap()
                .click()
                .await
                .unwrap(),
            _ => fill(c, field, &value).await,
        }
    }
    for (field, value) in ARABIC {
        fill(c, field, value).await;
    }
    c.find(Locator::Css(".slot-tools button[value=preview]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    // The click may return before the preview page has loaded: wait for its content.
    let mut phone = String::new();
    for _ in 0..100 {
        if let Ok(el) = c.find(Locator::Id("phone-preview-ar")).await
            && let Ok(text) = el.text().await
            && text.contains("الحوامل")
        {
            phone = text;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(
        phone.contains("الدراجات في المحطة") && phone.contains("بالدراجة"),
        "the preview in Arabic: {phone}"
    );
    let shown = c.find(Locator::Id("phone-preview-ar")).await.unwrap();
    assert_eq!(shown.attr("dir").await.unwrap().as_deref(), Some("rtl"));
    c.find(Locator::Css("button[value=save]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    browser
        .wait_for_path("/staff/polls/browser-peiling/edit")
        .await;
    browser.close().await;
    let poll = app
        .store
        .poll_by_slug("browser-peiling")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(poll.definition.questions.len(), 2);
    assert_eq!(
        poll.definition.languages,
        Some(vec![Locale::Nl, Locale::En, Locale::Ar])
    );
    assert_eq!(
        poll.definition.questions[0].options[1].text.exact("ar"),
        Some("بالحافلة")
    );

    // With scripts on, at phone width: axe-core finds nothing on the builder with its Arabic
    // fields, and nothing is wider than the screen.
    let browser = Browser::start(&tools, Script::On).await;
    log_in(&browser, &app.address, &users[1].1).await;
    let c = &browser.client;
    c.set_window_size(360, 800).await.unwrap();
    c.goto(&format!(
        "{}/staff/polls/browser-peiling/edit?lang=nl",
        app.address
    ))
    .await
    .unwrap();
    browser.wait_for("#q0_options_ar").await;
    assert_eq!(
        browser.axe_violations().await,
        Vec::<serde_json::Value>::new(),
        "the builder with Arabic fields"
    );
    let overflow = c
        .execute(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth",
            Vec::new(),
        )
        .await
        .unwrap();
    assert_eq!(
        overflow,
        serde_json::json!(0),
        "no sideways scrolling at 360 px"
    );
    browser.close().await;
}

async fn log_in(browser: &Browser, address: &str, email: &str) {
    let c = &browser.client;
    c.goto(&format!("{address}/staff/login?lang=nl"))
        .await
        .unwrap();
    fill(c, "email", email).await;
    fill(c, "password", PASSWORD).await;
    c.find(Locator::Css("form.stack button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_until(|| async { !browser.path().await.starts_with("/staff/login") }).await;
}

/// Polls `done` for up to ten seconds: with scripts off, a click may return before the next page loads.
async fn wait_until<F, Fut>(done: F)
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    for _ in 0..100 {
        if done().await {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}
