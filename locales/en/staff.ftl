## The staff tools: pages and the staff API. Every message exists in nl and en.

## The frame of every page
staff-app = Flits – staff
staff-skip = Skip to content
staff-nav-dashboard = Polls
staff-nav-new-poll = New poll
staff-nav-calendar = Calendar
staff-nav-tokens = API tokens
staff-nav-users = Users
staff-nav-audit = Audit log
staff-logged-in-as = Logged in as
staff-logout = Log out

## Short notices
staff-csrf-heading = Form expired
staff-csrf-text = Nothing was changed. Go back, reload the page and try again.
staff-login-first-heading = Please log in first
staff-login-first-text = You need to be logged in to see this page.
staff-no-access-heading = No access
staff-no-access-text = Your role does not give access to this page.
staff-to-login = Go to the login page
staff-not-found-heading = Not found
staff-not-found-text = This page does not exist. Check the address, or go to the overview.

## Logging in
staff-login-title = Log in
staff-email = E-mail address
staff-password = Password
staff-login-button = Log in
staff-login-wrong = The e-mail address or the password is not right.
staff-login-too-many = Too many attempts from this connection. { staff-try-again }
staff-login-wait = Too many failed attempts with this e-mail address. { staff-try-again }
staff-login-wrong-wait = The e-mail address or the password is not right. After several failed attempts you have to wait a little longer each time. { staff-try-again }
staff-try-again = Try again in { $unit ->
    [seconds] { $seconds ->
        [one] 1 second
       *[other] { $seconds } seconds
    }
   *[minutes] { $minutes ->
        [one] 1 minute
       *[other] { $minutes } minutes
    }
  }.

## Polls and their states
staff-dashboard-title = Polls
staff-no-polls = There are no polls yet.
staff-col-poll = Poll
staff-col-org = Organisation
staff-col-opens = Opens
staff-col-closes = Closes
staff-edit = Edit
staff-schedule = Schedule
staff-state = { $state ->
    [draft] Draft
    [scheduled] Scheduled
    [open] Open
    [closed] Closed
    [results_published] Results published
    [archived] Archived
   *[other] { $state }
  }

## The poll builder
staff-builder-new-title = New poll
staff-builder-edit-title = Edit poll: { $slug }
staff-builder-valid = The poll is in order.
staff-builder-invalid = There are still errors.
staff-builder-counts = ({ $errors ->
    [one] 1 error
   *[other] { $errors } errors
  }, { $hints ->
    [one] 1 point to look at
   *[other] { $hints } points to look at
  })
staff-builder-saved = Saved as a draft.
staff-builder-saved-next = Next step: choose when the poll is open and on which channels you share it.
staff-builder-saved-schedule = Schedule
staff-builder-look-at = No errors, but please look at these points.
staff-builder-organisation = Organisation
staff-builder-library = Start from a ready-made question
staff-builder-library-help = Questions on green spaces, traffic, waste, safety, young people and care, in plain language (B1), in Dutch and English. Below them, the questions of earlier polls in the region. You can change the question afterwards.
staff-builder-library-choose = Question from the library
staff-builder-library-add = Add this question
staff-builder-library-topic = { $topic ->
    [groen] Green spaces
    [verkeer] Traffic
    [afval] Waste
    [veiligheid] Safety
    [jeugd] Young people
    [zorg] Care
   *[other] { $topic }
  }
staff-builder-library-past = Earlier polls in the region
staff-builder-questions = Questions
staff-builder-kind-help = Choosing another kind? Then click "See preview and hints" to see the fields that kind needs.
staff-builder-more = More settings
staff-builder-up = Move question { $number } up
staff-builder-down = Move question { $number } down
staff-builder-duplicate = Copy question { $number }
staff-builder-remove = Remove question { $number }
staff-builder-add = Add a question
staff-builder-preview-help = This is what residents see, in every language of the poll. Click "See preview and hints" to update it.
staff-builder-poll = The poll
staff-builder-slug = Address (lower-case letters, digits and -)
staff-builder-title = Title
staff-builder-intro = Introduction
staff-builder-brief = Purpose, audience and feedback
staff-builder-purpose = What do you want to know, and why?
staff-builder-audiences = Who is the poll for?
staff-builder-promise = What will residents hear back, and when?
staff-builder-follow-up-on = On which day do residents read what was done with their answers?
staff-builder-follow-up-on-help = Optional. From that day, the dashboard and an e-mail to the owner warn until an update is published.
staff-builder-options-help = One answer per line. In another language, write the answers in the same order. To choose an answer's code yourself, write code | text.
staff-builder-languages = Languages of the poll
staff-builder-languages-help = Dutch is always on. Choose the other languages and press the button below: every text then gets a field per language.
staff-builder-languages-apply = Show fields for these languages
staff-builder-language-name = { $language ->
    [en] English
    [tr] Turkish
    [pl] Polish
    [ar] Arabic
   *[nl] Dutch
  }
staff-builder-help = Help text for the question
staff-builder-question = Question { $number }
staff-builder-qid = Id of the question
staff-builder-kind = Kind of question
staff-builder-kind-none = (not used)
staff-builder-kind-name = { $kind ->
    [single_choice] Choose one answer
    [multi_choice] Choose several answers
    [scale] Scale
    [open_text] Open question
   *[other] { $kind }
  }
staff-builder-qtext = Question
staff-builder-required = Required
staff-builder-profile = Question about the resident (age, neighbourhood…)
staff-builder-options = Options (choice questions)
staff-builder-max-choices = At most this many choices (multi-choice)
staff-builder-scale-min = Scale from
staff-builder-scale-max = Scale to
staff-builder-label-min = Word at the lowest point
staff-builder-label-max = Word at the highest point
staff-builder-max-length = At most this many characters (open question)
staff-builder-preview-button = See preview and hints
staff-builder-save = Save as draft
staff-builder-preview = What residents see (phone)
staff-builder-link-preview = How the link looks on social media
staff-builder-slug-taken = This address is already in use. Choose another.
staff-builder-not-found = There is no poll at this address that you may edit.
staff-builder-not-editable-heading = Can no longer be edited
staff-builder-not-editable-text = This poll is already scheduled. Copy it to make a new version.

## The audit log
staff-audit-title = Audit log
staff-audit-intro = Who did what and when. Nobody can change this log.
staff-col-when = When
staff-col-who = Who
staff-col-action = Action
staff-col-details = Details
staff-audit-system = (system)

## Population figures per audience
staff-nav-population = Population figures
staff-population-title = Population figures
staff-population-intro = These figures show who a poll reached compared with who lives there, and weight the answers. Each audience shows where its figures come from. A poll for the whole region uses the sum of its municipalities, when every municipality has figures.
staff-population-none = There are no population figures yet.
staff-population-source = Source
staff-population-reference-date = Reference date
staff-population-imported = Imported
staff-population-via-cli = from the command line
staff-population-via-demo = by the demo
staff-population-illustrative = Illustrative figures
staff-population-illustrative-text = These are not official figures. Every comparison and weighting based on them is illustrative too.
staff-population-margins = Residents of { $name }
staff-population-question = Question
staff-population-options = Answers and counts
staff-population-total = Total
staff-population-sums-title = Sums
staff-population-sums-intro = These audiences have no figures of their own. Their polls use the sum of their municipalities.
staff-population-sum-of = sum of { $parts }
staff-population-sum-questions = questions: { $questions }
staff-population-how-title = Importing figures
staff-population-how = Import or replace an audience's figures with the command: flits population import FILE --audience ID. The file names its source and reference date; figures that are not official get the line "# illustrative: true".

## API tokens
staff-tokens-title = API tokens
staff-tokens-intro = With an API token, scripts can work on your behalf. You see a new token only once: keep it safe.
staff-token-name = Name of the token
staff-token-create = Create a new token
staff-token-new = Your new token (it will not be shown again):
staff-token-revoke = Revoke
staff-token-revoked = revoked
staff-token-last-used = Last used
staff-never = never
staff-token-not-found = This token does not exist.

## Staff accounts
staff-users-title = Users
staff-role = Role
staff-organisation = Organisation
staff-user-add = Add a user
staff-password-optional = Password (at least { $min } characters; leave empty: a new account then works with API tokens only, an existing one keeps its password)
staff-user-email-invalid = Enter a valid e-mail address.
staff-user-role-invalid = Choose a role: admin, comms or analyst.
staff-user-password-short = The password must have at least { $min } characters.
staff-user-password-long = The password may have at most { $max } characters.
staff-user-org-unknown = Choose an existing organisation.


## Error messages of the staff API (JSON), in the language of Accept-Language
staff-api-unauthorized = Send a valid API token as Authorization: Bearer TOKEN.
staff-api-forbidden = Your role does not allow this.
staff-api-method-not-allowed = This address does not take { $method }. It takes: { $allowed }.
staff-api-unavailable = The service cannot check who you are right now. Try again shortly.
staff-api-internal = Something went wrong on our side.
staff-api-not-found = Not found.
staff-api-poll-not-found = There is no poll with this slug that you can see.
staff-api-invalid-definition = The poll definition has errors.
staff-api-slug-taken = A poll with this slug already exists.
staff-api-not-editable = Only a draft can change; copy the poll to make a new version.
staff-api-delete-draft-only = Only a draft can be deleted.
staff-api-slug-mismatch = The slug in the body must be the poll's slug.
staff-api-post-not-found = This poll has no channel post with this id.
staff-api-post-not-failed = Only a failed post can be sent again. This post has not failed, so it cannot go out twice.
staff-api-channel-not-configured = There is no configured channel { $channel }.

## Channel posts (the outbox), the API's and the page's
staff-posts-native-label = Votes in the platform's own poll on { $channel }: a separate source, counted by the platform. They are not responses and are not part of the results.
staff-posts-link = Channel posts
staff-posts-failed = { $count ->
    [one] 1 failed post
   *[other] { $count } failed posts
  }
staff-posts-title = Channel posts: { $title }
staff-posts-back = Back to the polls
staff-posts-heading = Posts on the channels
staff-posts-intro = Flits posts the poll on each of its channels when it opens, and tries again when a platform is briefly unavailable. A post that failed for good stays here until you try again.
staff-posts-none = There are no posts yet. The poll is posted on its channels when it opens.
staff-posts-col-channel = Channel
staff-posts-col-what = What
staff-posts-col-status = Status
staff-posts-col-when = When
staff-posts-col-message = Message from the platform
staff-posts-col-action = Action
staff-post-purpose = { $purpose ->
    [announce] Announcement
    [reminder] Reminder
    [results] Results
    [update] Update of the results
    [closed] Notice: ended early
   *[other] { $purpose }
  }
staff-post-status = { $status ->
    [pending] Waiting
    [sending] Being sent
    [posted] Posted
    [failed] Failed
   *[other] { $status }
  }
staff-posts-attempts = { $count ->
    [one] 1 attempt
   *[other] { $count } attempts
  }
staff-posts-when = { $status ->
    [posted] Posted on { $at }
    [pending] Next attempt on { $at }
   *[other] Queued on { $at }
  }
staff-posts-retry = Try again
staff-posts-retried = The post is back in the queue. Flits sends it within a minute.
staff-posts-not-found-heading = Not found
staff-posts-not-found-text = There is no poll at this address that you can see.
staff-posts-post-not-found = This poll has no such post.
staff-posts-native-heading = Votes in the platforms' own polls
staff-posts-native-intro = Some platforms show the first question as a poll of their own. Those votes are counted by the platform: they are a separate source, not responses, and are not part of the results.
staff-posts-native-option = Option
staff-posts-native-votes = Votes
staff-posts-native-hidden = not shown yet
staff-posts-native-counted = (counted on { $at })
staff-posts-native-final = Final.
staff-posts-native-voters = { $count ->
    [one] 1 account voted.
   *[other] { $count } accounts voted.
  }
staff-posts-reminder-heading = Post a reminder
staff-posts-reminder-intro = While the poll is open, you can post it once more on each of its channels, for example on the one that brings the fewest responses. A reminder counts towards the channel's weekly limit.
staff-posts-reminder-button = Post a reminder on { $channel }

staff-publish-invalid = The results cannot be published yet: { $count ->
        [one] 1 problem
       *[other] { $count } problems
    }.
staff-publish-not-closed = Only a closed poll's results can be published; this poll is { $state }.
staff-publish-not-published = This poll's results are not published yet; publish them first.

## The results page of a poll (staff).
staff-results-link = Results
staff-results-title = Results: { $title }
staff-results-counts-heading = Responses per channel
staff-results-counts-intro = { $count ->
        [one] 1 response so far.
       *[other] { $count } responses so far.
    } Counts only: the answers are for analysts.
staff-results-col-responses = Responses
staff-results-no-channel = No channel (direct link)
staff-results-published-heading = Published
staff-results-published-at = Published on { $at }.
staff-results-public-link = See the public results page
staff-results-quotes-heading = Quotes
staff-results-updates-heading = Updates
staff-results-update-heading = Add an update: what did you do since?
staff-results-update-intro = It is shown on the results page and posted on the poll's channels. Nobody is e-mailed: the addresses were deleted when the results went out.
staff-results-text-nl = Update in Dutch
staff-results-text-en = Update in English (optional)
staff-results-update-submit = Add the update
staff-results-publish-heading = Publish the results
staff-results-publish-intro = Say what you did with the answers, pick a few quotes, check, preview the page, and publish. Publishing puts the results page online, e-mails the residents who asked, and posts the results on the poll's channels.
staff-results-summary-nl = You said, we did (Dutch)
staff-results-summary-help = Write for everyone: short sentences and common words (B1). "Check" gives tips.
staff-results-summary-en = You said, we did (English, optional)
staff-results-hints-heading = Tips for plain language
staff-results-quotes-legend = Quotes to show
staff-results-quotes-help = Open answers, with e-mail addresses, phone numbers, addresses, BSNs and IBANs already removed. Read each one before you pick it.
staff-results-no-open-answers = There are no open answers to quote.
staff-results-preview-heading = The quotes as they will be shown
staff-results-check = Check
staff-results-publish = Publish
staff-results-published = The results are published.
staff-results-updated = The update is added and will be posted on the channels.
staff-results-days-heading = Responses per day
staff-results-col-day = Day
staff-results-export-heading = Download the anonymised data
staff-results-export-intro = Every download is anonymised (rare combinations of profile answers are replaced by *, personal data is removed from open answers) and recorded in the audit log. While the poll is open, the data is provisional.
staff-results-export-csv = CSV (Excel, R, Python)
staff-results-export-xlsx = Excel workbook with codebook
staff-results-export-json = JSON with codebook
staff-results-export-sps = SPSS syntax for the CSV (save the CSV beside it)
staff-feedback-overdue = Feedback overdue since { $since }: publish what you did with the answers.
staff-follow-up-due = The update promised for { $day } is not published yet: write what was done with the answers.
staff-builder-standard = Standard questions about the resident
staff-builder-standard-help = One click each, in the poll's languages. Residents may skip each one and read below it why we ask. They do not count towards the question limit, and exports protect their answers like those of every question about the resident (k-anonymity).
staff-builder-standard-age = Ask for the age group
staff-builder-standard-age-help = In the age bands of CBS: under 15, 15–24, 25–44, 45–64, 65 or older. With population figures for the audience, the export can weight by age.
staff-builder-standard-neighbourhood = Ask for the neighbourhood
staff-builder-standard-neighbourhood-help = The options are the neighbourhoods of { $audience }: { $neighbourhoods }.
staff-builder-standard-neighbourhood-no-audience = First choose one audience and press "See preview and hints": then you can ask for the neighbourhood too, when that audience has neighbourhoods configured.
staff-builder-standard-neighbourhood-several = A poll for several audiences cannot ask for the neighbourhood: each municipality has other neighbourhoods. Choose one municipality, or write a question about the neighbourhood yourself.
staff-builder-standard-neighbourhood-no-list = No neighbourhoods are configured for { $audience }. An administrator sets them in the configuration: neighbourhoods in [[audiences]].
staff-builder-first-time = Ask whether this is their first poll
staff-builder-first-time-help = Its answers show on the results page whether the poll reached people beyond the usual respondents.
staff-builder-standard-heard-via = Ask how they heard about the poll
staff-builder-standard-heard-via-help = The link of each channel (?c=) already shows where a visit came from. This question also reaches those who heard from family, friends or neighbours.
staff-results-first-time = { $yes } of the { $answered } who answered said it was their first poll.
staff-results-first-time-withheld = Too few answered the question "first poll?" to show numbers.
staff-results-mail-heading = The e-mail residents who asked will get
staff-results-mail-subject = Subject:
# The preview of the public results page, before it is published.
staff-results-preview-page = Preview the public page
staff-results-preview-banner-heading = Preview — not published yet
staff-results-preview-banner-text = This is how residents will see the results page once you publish. Nothing has been stored, published or sent yet.
staff-results-preview-language = Language of the preview
staff-results-preview-show = Show
staff-results-preview-back = Back to the form

# The reminder to a poll's owner when its results are overdue (staff; sent in Dutch with English below).
mail-overdue-subject = Results overdue: { $title }
mail-overdue-text = The poll "{ $title }" closed { $days } days ago, and its results are not published yet. Residents were promised feedback: publish what you did with their answers, even if nothing can be done yet. { $link }
mail-follow-up-subject = Promised feedback: { $title }
mail-follow-up-text = For the poll "{ $title }", residents were promised that on { $day } they would read what was done with their answers. That day has come, and no update is published yet. Write what was done, even if it is not finished. { $link }

# Reach (issue 12): who are we missing, weighted results, the regional reach dashboard.
staff-reach-missing-heading = Who are we missing?
staff-reach-missing-intro = The respondents so far compared with the residents, per profile question. Only the answers to the profile questions are counted, together; groups of fewer than { $k } respondents show as <{ $k }.
staff-reach-index-help = The representation index is a group's share of the respondents divided by its share of the residents: 1 means in proportion, below 0.8 counts as under-represented.
staff-reach-illustrative = Illustrative figures
staff-reach-illustrative-text = The population figures are illustrative, not official statistics, so every comparison with them is illustrative too.
staff-reach-no-population = The poll's audience has no population figures, so there is nothing to compare the respondents with.
staff-reach-no-profile = The poll asks none of the profile questions the population figures cover ({ $questions }), so there is nothing to compare the respondents with.
staff-reach-margin-caption = { $question }: respondents compared with the residents
staff-reach-col-group = Group
staff-reach-col-respondents = Respondents
staff-reach-col-respondent-share = Share of respondents
staff-reach-col-population-share = Share of residents
staff-reach-col-index = Representation index
staff-reach-under = under-represented
staff-reach-index-below = below { $bound }
staff-reach-no-value = –
staff-reach-withheld = Fewer than { $k } respondents answered this question: no figures to show.
staff-reach-other = Respondents with an answer the population figures do not have: { $count }.
staff-reach-dissimilarity = Dissimilarity index: { $value } (0 means the respondents look like the residents, 1 means no overlap at all).
staff-reach-channels-heading = Where the under-represented groups came from
staff-reach-channels-caption = { $group } ({ $question }, index { $index }): respondents per channel
staff-reach-channels-none = Nobody from this group has responded yet.
staff-reach-missing-none = No group is under-represented so far.
staff-reach-reminder-text = To reach these groups, post a reminder on the channels that bring them in, or on channels where they are.
staff-reach-reminder-link = Post a reminder
staff-reach-weighted-heading = Weighted and unweighted results
staff-reach-weighted-intro = Unweighted shares count every respondent once. Weighted shares correct for who took part: respondents from groups that answered less than their share of the residents count for more, so that the profile questions match the population. Each share comes with its 95% margin of error.
staff-reach-weights-no-profile = The poll asks none of the profile questions its population figures cover, so its answers cannot be weighted.
staff-reach-why-weighted = Weighted figures are shown first: the weights match the population on every profile question, with no respondent counting for more than { $cap } average respondents.
staff-reach-why-capped = Unweighted figures are shown first: within the cap of { $cap } times the average weight, the weights cannot match the population (they stay up to { $deviation } off), so the weighted figures are not reliable.
staff-reach-why-not-converged = Unweighted figures are shown first: the weights did not settle after { $rounds } rounds, so the weighted figures are not reliable.
staff-reach-show-weighted = Show weighted first
staff-reach-show-unweighted = Show unweighted first
staff-reach-weights-overall = { $rows } respondents; effective sample size { $ess } (Kish), design effect { $deff }.
staff-reach-weights-empty = Nobody in the group "{ $group }" ({ $question }) responded: weighting cannot make up for them.
staff-reach-question-summary = { $answered } answered; effective sample size { $ess }, design effect { $deff }.
staff-reach-weighted-caption = { $question }: shares with their 95% margin of error
staff-reach-col-option = Answer
staff-reach-col-weighted = Weighted share
staff-reach-col-unweighted = Unweighted share
staff-reach-share-moe = { $share } ± { $moe } points
staff-nav-reach = Reach
staff-reach-dashboard-title = Who did we reach?
staff-reach-dashboard-intro = All responses from { $from } to { $to }, per municipality and for the region. Only the answers to the profile questions are counted, together; groups of fewer than { $k } show no figures.
staff-reach-dashboard-help = A municipality counts the polls for its own residents; the region counts every poll in it. The dissimilarity index is the mean over age group and neighbourhood: 0 means the respondents look like the residents, 1 means no overlap. A falling index means the polls reach a wider circle.
staff-reach-overview-caption = Responses and first-time participants in the last 12 months
staff-reach-col-area = Area
staff-reach-col-first-time = First-time participants
staff-reach-first-time = { $share } ({ $yes } of the { $answered } who answered)
staff-reach-first-time-few = fewer than { $k } said yes or no, of the { $answered } who answered
staff-reach-first-time-withheld = fewer than { $k } answered
staff-reach-first-time-none = nobody answered the question
staff-reach-area-no-population = There are no population figures for this area, so there is nothing to compare with.
staff-reach-area-no-age = The population figures of this area have no age groups.
staff-reach-ages-caption = { $area }: respondents by age group compared with the residents
staff-reach-trend-caption = { $area }: dissimilarity index per quarter
staff-reach-col-quarter = Quarter
staff-reach-col-dissimilarity = Dissimilarity index
staff-reach-trend-too-few = too few responses
