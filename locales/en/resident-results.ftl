## Texts residents read on the results page and the overview of polls, in plain English.

## The results page
results-page-title = Results: { $title }
results-published = Published on { $date }.
results-summary-heading = You said, we did
results-updates-heading = What happened next
results-figures-heading = The figures
results-responses = People who took part: { $count }.
results-withheld = Fewer than { $k } people took part. So we show no figures: with so few answers, someone might be recognised.
results-answered = People who answered this question: { $count }.
results-count-below = <{ $k }
results-percent = { $value }%
results-share-hidden = not shown
results-below-note = <{ $k } means: fewer than { $k } people. We do not show the exact number, so that nobody can be recognised.
results-multi-note = You could choose more than one answer to this question. That is why the percentages add up to more than 100.
results-scale-end = { $value } ({ $label })
results-scale-summary = Average: { $mean }. Middle answer (median): { $median }.
results-chart-alt = Bar chart. { $question } { $values }.
results-chart-value = { $label }: { $value }
results-list-separator = {"; "}
results-table-answer = Answer
results-table-count = Number
results-table-share = Percent
results-quotes-heading = What people wrote
results-native-heading = Votes on social media: not part of this poll
results-native-intro = On Mastodon or X, people could also vote on the first question. The platform counts those votes itself. Anyone can vote there, also people from outside the municipality. So they are not part of this poll's answers.
results-native-caption =
    { $platform ->
        [mastodon] Votes on Mastodon
        [x] Votes on X
       *[other] Votes on social media
    }: { $question } Not part of this poll's answers.
results-native-final = These are the final counts.
results-native-interim = These are the counts on { $date } at { $time }.
results-native-hidden = not known yet
results-native-votes = Votes
results-native-voters =
    { $count ->
        [one] 1 account voted.
       *[other] { $count } accounts voted.
    }
results-not-yet-heading = The results are not ready yet
results-not-yet-text = As soon as the results of this poll are ready, you will find them here.
results-to-poll = Go to the poll
results-more-polls = See other polls
results-preview-kicker = Results · { $org }
results-preview-top = Most chosen: { $answer } ({ $share })

## The overview of polls (/) and its feed
overview-title-all = Polls
overview-title-region = Polls in { $region }
overview-title-org = Polls for { $org }
overview-intro = Here you can see which polls you can take part in now. And what happens with the answers to earlier polls.
overview-filter-label = Choose a municipality
overview-filter-all = All municipalities
overview-open-heading = Take part now
overview-open-none = There is no poll you can take part in right now.
overview-open-until = Open until { $date } at { $time }.
overview-by = From: { $org }
overview-for = For: { $audiences }
overview-results-heading = Results
overview-results-none = There are no results yet.
overview-published = Published on { $date }
overview-feed = Follow new polls and results in your feed reader (Atom)
overview-unknown-org-heading = We do not know this municipality
overview-unknown-org-text = The link may not be quite right. See the polls of all municipalities.
feed-subtitle = Polls you can take part in, and what happens with the answers.
feed-open-title = Take part: { $title }
feed-results-title = Results: { $title }
