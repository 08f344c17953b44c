## Who a poll speaks for, what residents read before answering, the thank-you page's sharing,
## the poster, and what the law asks: the privacy page and the accessibility statement.

## The frame of every page
footer-privacy = Privacy
footer-accessibility = Accessibility
sender-region = The municipalities of { $region }

## Before answering
open-until = You can take part until { $date }, { $time }.
privacy-summary-anonymous = Your answers are anonymous: we do not ask who you are.
privacy-summary-use = { $org } uses them only for this poll.
privacy-summary-use-until = { $org } uses them only for this poll and deletes them after { $months } months.
privacy-more = More about privacy
error-summary-link = Question { $number }: { $message }

## Pages instead of the form
not-open-heading-named = { $title }: not open yet
page-unknown-heading = This page does not exist
page-unknown-text = Maybe the link was not copied quite right. Please check the link.
page-unknown-link = See all polls

## The thank-you page
thanks-results-where = Keep this link. The results will appear there:
thanks-back-website = Back to the website of { $org }
thanks-back-overview = See other polls
share-heading = Ask others to take part
share-intro = The more people take part, the better we know what matters.
share-button = Share
share-whatsapp = Share on WhatsApp
share-email = Share by e-mail
share-text = Take part in the poll "{ $title }" too. It only takes a moment: { $link }
share-text-short = Take part in the poll "{ $title }" too.
share-email-subject = Take part too: { $title }

## The poster and the link preview
poster-headline-call =
    { $minutes ->
        [one] 1 minute — take part
       *[other] { $minutes } minutes — take part
    }
poster-closes = Take part until { $date }, { $time }.
preview-call =
    { $minutes ->
        [one] Take part, it takes 1 minute · { $host }
       *[other] Take part, it takes { $minutes } minutes · { $host }
    }

## Contact details on the privacy page and the accessibility statement
about-contact-email = E-mail { $org }: { $email }
about-contact-phone = Call { $org }: { $phone }
about-contact-website = Website of { $org }
about-index-choose = Choose your municipality
about-index-link = Choose your municipality
privacy-index-heading = Privacy in the polls
a11y-index-heading = Accessibility of the polls

## The privacy page (what GDPR article 13 asks)
privacy-page-heading = Privacy in the polls of { $org }
privacy-page-intro = In a poll we ask what you think. Here you can read what we keep and why. You can also read how long we keep it, and what your rights are.
privacy-page-controller-heading = Who is responsible for your data?
privacy-page-controller-one = { $org } is responsible for your data in these polls.
privacy-page-controller-region = The polls of { $region } belong to these municipalities together. They are jointly responsible for your data:
privacy-page-purpose-heading = Why do we ask this?
privacy-page-purpose = We want to know what residents think, so we can make better plans. We use the answers only for that.
privacy-page-basis = A municipality works for all its residents. That is why it may ask for your opinion. The privacy law (GDPR) calls this a task in the public interest.
privacy-page-basis-email = Do you give your e-mail address for the results? We may only use it because you want this. You can withdraw this at any time.
privacy-page-stored-heading = What do we keep?
privacy-page-cookies-heading = Which cookies do we use?
privacy-page-cookie-form = When you open the questions, we set the cookie flits_form. It holds only a random code. This tells us your answers come from our page. The cookie disappears after { $hours } hours.
privacy-page-cookie-language = Do you choose a language? Then the cookie flits_lang remembers only that language. The cookie disappears after { $days } days.
privacy-page-cookies-needed = These cookies are needed for the poll to work. We do not use cookies to follow you.
privacy-page-keep-heading = How long do we keep it?
privacy-page-keep-answers = We delete the answers { $months } months after the results are on this website.
privacy-page-keep-answers-always = We keep the answers. There is no name with them, so nobody knows whose they are.
privacy-page-keep-email = We delete your e-mail address once we have sent you the results. If the results do not come within { $days } days, we delete it too.
privacy-page-who-heading = Who sees the answers?
privacy-page-results = We publish the results on this website. They only show totals. If a group has fewer than { $k } people, we show no number.
privacy-page-rights-heading = What are your rights?
privacy-page-rights = You may ask which data we have about you. You may ask us to correct or delete it. And you may object.
privacy-page-rights-anonymous = Your answers have no name, so we cannot find them again. We can delete your e-mail address: just send us an e-mail.
privacy-page-no-automated = No computer makes a decision about you with the answers.
privacy-page-complaint = Are you not happy with our answer? Then you can complain to the Dutch Data Protection Authority (Autoriteit Persoonsgegevens).
privacy-page-authority = Website of the Autoriteit Persoonsgegevens
privacy-page-contact-heading = Questions?
privacy-page-contact = Do you have a question about privacy? Please contact { $org }. Every municipality also has its own data protection officer, who checks that we follow the law.
privacy-page-officer = E-mail the data protection officer of { $org }: { $email }

## The accessibility statement (the model of digitoegankelijk.nl)
a11y-heading = Accessibility statement
a11y-intro = { $org } wants everyone to be able to use the polls, including people with a disability.
a11y-law = The law asks this too. The pages must meet the rules of WCAG 2.1, level A and AA.
a11y-scope-heading = Which pages does this cover?
a11y-scope = This statement covers the polls of { $org } on this website: the questions, the results and the poster.
a11y-status-heading = How far are we?
a11y-status =
    { $status ->
        [a] The pages fully meet the rules.
        [b] The pages partly meet the rules.
        [d] The pages do not meet the rules yet.
       *[c] We have taken the first steps. An outside expert has not yet examined the pages.
    }
a11y-checked-heading = How do we check this?
a11y-checked = With every new version, a computer tests all pages with axe-core. We also test with a keyboard only, and on the small screen of a phone. The pages work without JavaScript.
a11y-known = We know of no problems now. Do you see one? Please tell us.
a11y-date = We last checked this statement on { $date }.
a11y-feedback-heading = Does something not work?
a11y-feedback = Can you not read or fill in something? Please tell { $org }. You will get an answer as soon as possible.
a11y-enforcement-heading = Not satisfied?
a11y-enforcement = Are you not happy with our answer? Then you can go to the National Ombudsman (Nationale ombudsman).
a11y-ombudsman = Website of the Nationale ombudsman
a11y-more = More about the rules on digitoegankelijk.nl
