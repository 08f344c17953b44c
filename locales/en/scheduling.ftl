## Scheduling polls under the spacing rules: conflicts, refusals, the Schedule and Calendar pages,
## the calendar feed and `flits poll schedule`. Staff texts: nl and en.

## Conflicts: what the rule requires, what was asked, and one sentence with both.

sched-conflict-overlap-required = no other poll for an overlapping audience open at the same time
sched-conflict-overlap-requested = open { $opens } – { $closes } while '{ $other }' is open { $other_opens } – { $other_closes }
sched-conflict-overlap-message = Poll '{ $other }' is open from { $other_opens } to { $other_closes }, at the same time as this one, and also reaches { $audience }.
sched-conflict-gap-required =
    { $min_gap ->
        [one] 1 day
       *[other] { $min_gap } days
    } between polls
sched-conflict-gap-after-requested =
    opens { $days ->
        [one] 1 day
       *[other] { $days } days
    } after '{ $other }' closes
sched-conflict-gap-after-message =
    For { $audience }, at least { $min_gap ->
        [one] 1 day
       *[other] { $min_gap } days
    } must pass between the close of '{ $other }' ({ $other_closes }) and the opening of the next poll; this one would open { $days ->
        [one] 1 day
       *[other] { $days } days
    } after it, on { $opens }.
sched-conflict-gap-before-requested =
    closes { $days ->
        [one] 1 day
       *[other] { $days } days
    } before '{ $other }' opens
sched-conflict-gap-before-message =
    For { $audience }, at least { $min_gap ->
        [one] 1 day
       *[other] { $min_gap } days
    } must pass between the close of this poll and the opening of '{ $other }' ({ $other_opens }); this one would close { $days ->
        [one] 1 day
       *[other] { $days } days
    } before it, on { $closes }.
sched-conflict-window-required =
    at most { $max_polls ->
        [one] 1 poll
       *[other] { $max_polls } polls
    } opening within { $window_days } days
sched-conflict-window-requested = would be poll { $count } opening within { $window_days } days from { $from }, with { $polls }
sched-conflict-window-message =
    { $audience } may get at most { $max_polls ->
        [one] 1 poll
       *[other] { $max_polls } polls
    } opening within { $window_days } days; with { $polls } this would be { $count }.
sched-conflict-quiet-required = no poll open from { $from } to { $to } ({ $reason })
sched-conflict-quiet-requested = open { $opens } – { $closes }
sched-conflict-quiet-message = No poll for { $audience } may be open from { $from } to { $to } (inclusive): { $reason }.
sched-conflict-channel-required =
    { $max_posts ->
        [0] no poll posts
        [one] at most 1 poll post in 7 days
       *[other] at most { $max_posts } poll posts in 7 days
    }
sched-conflict-channel-requested = would be post { $count } within 7 days, with posts at { $posts }
sched-conflict-channel-message =
    Channel { $channel } may get at most { $max_posts ->
        [one] 1 poll post
       *[other] { $max_posts } poll posts
    } within 7 days; with the posts at { $posts } a post at { $at } would be one too many.
sched-conflict-channel-closed-requested = a post at { $at }
sched-conflict-channel-closed-message = Channel { $channel } takes no poll posts.

## Why a poll was not scheduled.

sched-failure-not-found = There is no poll with slug { $slug }.
sched-failure-not-schedulable =
    Poll { $slug } is { $state ->
        [open] already open
        [closed] already closed
        [results_published] closed, and its results are published
        [archived] archived
       *[other] not schedulable
    }: only a draft or a scheduled poll can be scheduled.
sched-failure-invalid-poll =
    Poll { $slug } cannot be scheduled yet: its definition has { $count ->
        [one] 1 problem
       *[other] { $count } problems
    }.
sched-failure-opens-in-past = The opening time { $opens } has already passed.
sched-failure-closes-before-opens = The poll must close after it opens (opens { $opens }, closes { $closes }).
sched-failure-invalid-channel = '{ $channel }' is not a channel id (use a-z, 0-9, - and _, at most 64 characters).
sched-failure-override-reason-missing = An override of the spacing rules needs a reason.
sched-failure-override-forbidden = Only an admin may override the spacing rules.
sched-failure-spacing-conflict =
    The schedule breaks { $count ->
        [one] a spacing rule
       *[other] { $count } spacing rules
    }.
sched-failure-audience-not-allowed =
    You may not schedule a poll for { $count ->
        [one] the audience
       *[other] the audiences
    } { $audiences }. You can only choose your own organisation's audiences. An admin can schedule a poll for the whole region or for another organisation's audience for you, or open it to your organisation.
sched-failure-open-too-long = A poll may be open for at most { $max } days. This one would be open for { $days } days.
sched-failure-too-far-ahead = A poll may be scheduled at most { $months } months ahead: it must open on { $latest } at the latest. This one would open on { $opens }.
sched-failure-spacing-configuration = The spacing configuration cannot be used; ask an administrator.
sched-failure-internal = Something went wrong on our side. Please try again later.

## Why no reminder was posted.

sched-reminder-not-found = There is no poll with slug { $slug }.
sched-reminder-not-open = Poll { $slug } is not open. A reminder is only for an open poll.
sched-reminder-unknown-channel = Poll { $slug } is not posted on channel { $channel }. Choose one of its channels.
sched-reminder-already = Poll { $slug } already had its reminder on channel { $channel }. One reminder per channel keeps followers on board.
sched-reminder-weekly-limit = Channel { $channel } has had its { $max } poll posts this week.
sched-reminder-next-free = It can take one more from { $next }.
sched-reminder-no-free = It cannot take one more before the poll closes.
sched-reminder-queued = The reminder on { $channel } is on its way.

## The Schedule page.

sched-page-title = Schedule: { $title }
sched-page-opens-label = Opens at (Dutch time)
sched-page-closes-label = Closes at (Dutch time)
sched-page-channels-label = Channels to post the poll on
sched-page-channels-help = When the poll opens, Flits posts it on each channel you tick, with a link that records the channel.
sched-page-channel-not-configured = not configured
sched-page-no-channels = No channels are configured. Ask an administrator to add them under [[channels]] in the configuration.
sched-page-previews-heading = What the channels will post
sched-page-previews-intro = The announcement each configured channel posts when the poll opens, shortened to the platform's length rule. Check the text before you schedule; change it in the poll itself.
sched-page-preview-caption = { $channel } ({ $kind })
sched-page-override-label = Reason to override the spacing rules (admins only; written to the audit log)
sched-page-conflicts-heading = Why this is not possible
sched-page-submit = Schedule
sched-page-use-suggestion = Use the first free period
sched-page-not-found-heading = Not found
sched-page-not-found-text = There is no draft or scheduled poll at this address that you may schedule.
sched-page-bad-times = Enter a valid opening and closing time (Dutch time). Note: when summer time starts, 02:00–03:00 does not exist.
sched-page-conflict-next-free = This breaks the spacing rules. The first free period starts { $next }.
sched-page-conflict-no-free = This breaks the spacing rules. There is no free period within five years.

## The Calendar page.

sched-calendar-title = Calendar
sched-calendar-heading = Calendar of the region
sched-calendar-intro = Every poll in the region with its audiences, and the quiet periods, so you see what other municipalities plan.
sched-calendar-view-list = List
sched-calendar-view-month = Month
sched-calendar-prev = Previous month
sched-calendar-next = Next month
sched-calendar-col-poll = Poll
sched-calendar-col-org = Organisation
sched-calendar-col-audiences = Audiences
sched-calendar-col-state = State
sched-calendar-col-opens = Opens
sched-calendar-col-closes = Closes
sched-calendar-quiet-heading = Quiet periods
sched-calendar-quiet-mark = quiet
sched-calendar-feed-heading = In your own calendar
sched-calendar-feed-intro = Make a personal link for Outlook or another calendar app. The link can only read; a new link makes the old one stop working.
sched-calendar-feed-button = Make a calendar link
sched-calendar-feed-new = Your calendar link (it will not be shown again):
sched-calendar-state =
    { $state ->
        [scheduled] Scheduled
        [open] Open
        [closed] Closed
        [results_published] Results published
        [archived] Archived
       *[draft] Draft
    }
sched-calendar-weekday =
    { $day ->
        [mon] Mon
        [tue] Tue
        [wed] Wed
        [thu] Thu
        [fri] Fri
        [sat] Sat
       *[sun] Sun
    }

## The calendar feed (iCalendar) for Outlook and other calendar apps.

sched-feed-name = Flits – polls in the region
sched-feed-poll = Poll: { $title }
sched-feed-organisation = Organisation: { $organisation }
sched-feed-audiences = Audiences: { $audiences }
sched-feed-state = State: { $state }
sched-feed-quiet = Quiet period: { $reason }
sched-feed-quiet-audiences = No polls for: { $audiences }
sched-feed-invalid = This calendar link is not valid (any more). Make a new one on the calendar page.

## flits poll schedule

sched-cli-scheduled = Scheduled { $slug }
sched-cli-rescheduled = Rescheduled { $slug }
sched-cli-opens = opens
sched-cli-closes = closes
sched-cli-audiences = audiences
sched-cli-channels = channels
sched-cli-no-channels = (none)
sched-cli-override = override
sched-cli-overridden =
    { $count ->
        [one] 1 spacing conflict
       *[other] { $count } spacing conflicts
    } overridden and written to the audit log
sched-cli-refused =
    Cannot schedule { $slug }: { $count ->
        [one] 1 spacing conflict
       *[other] { $count } spacing conflicts
    }.
sched-cli-rule = rule
sched-cli-other-poll = other poll
sched-cli-channel = channel
sched-cli-audience = audience
sched-cli-reason = reason
sched-cli-required = required
sched-cli-requested = requested
sched-cli-next-free = Next free slot: { $at }
sched-cli-no-free = Next free slot: none within five years
sched-cli-not-scheduled = { $slug } was not scheduled.
sched-cli-bad-time = '{ $value }' is not an RFC 3339 time with an offset; write e.g. 2027-04-01T09:00:00+02:00 (Amsterdam summer time) or 2027-01-12T09:00:00+01:00 (winter time).

## The scheduling page's explanations (issue 13)
sched-page-rules-heading = Rules for this poll
sched-page-rules-no-audience = This poll has no audience yet. Choose one in the poll itself; then you see here which rules apply.
sched-page-rule-gap = { $audience }: at least { $days } days between polls for the same residents.
sched-page-rule-window = { $audience }: at most { $max } polls within { $days } days.
sched-page-rule-quiet = From { $from } to { $to } there are no polls: { $reason }.
sched-page-rule-limits = A poll is open for at most { $days } days and opens at most { $months } months ahead.
sched-page-rule-label = Rule
sched-page-other-poll = Poll in the way
sched-page-rule-name-overlap = not open at the same time as another poll for the same residents
sched-page-rule-name-gap = { $days } days between polls for the same residents
sched-page-rule-name-window = at most { $max } polls within { $days } days
sched-page-rule-name-quiet = no poll in a quiet period ({ $reason })
sched-page-rule-name-channel = a channel does not post too many poll messages a week
sched-page-calendar-caption = The weeks around the chosen days: free, taken by another poll for the same residents, or quiet
sched-page-weekday = { $day ->
    [1] Mon
    [2] Tue
    [3] Wed
    [4] Thu
    [5] Fri
    [6] Sat
   *[7] Sun
  }
sched-page-day = { $day }/{ $month }
sched-page-day-taken = { $date }: taken by { $polls }
sched-page-day-quiet = { $date }: quiet ({ $reason })
sched-page-day-free = { $date }: free
sched-page-day-chosen = chosen
sched-page-legend-free = free
sched-page-legend-taken = taken
sched-page-legend-quiet = quiet
sched-page-legend-chosen = chosen
sched-page-suggestion-help = This is the first free period, at the time of day you chose and just as long.
sched-page-scheduled = Scheduled: open from { $opens } to { $closes }.
sched-page-scheduled-next = What happens next: at { $opens } the poll opens by itself and these channels post a message: { $channels }. Until then you can still change the times here.
sched-page-scheduled-next-no-channels = What happens next: at { $opens } the poll opens by itself. You chose no channels; share the link yourself. Until then you can still change the times here.
sched-page-scheduled-dashboard = To the dashboard
