# Staff: stopping what is planned, the poll page, the share kit and the audit log.

## Stopping: cancel a scheduled poll, close an open poll early.

staff-stop-reason-missing = Give a reason. It is written to the audit log.
staff-stop-reason-too-long = The reason is { $length } characters long. Use at most { $max }.
staff-stop-not-scheduled = Poll { $slug } is { $state ->
      [draft] a draft
      [scheduled] scheduled
      [open] open
      [closed] already closed
      [results_published] already closed, with its results published
      [archived] archived
     *[other] { $state }
    }. Only a scheduled poll can be cancelled.
staff-stop-not-open = Poll { $slug } is { $state ->
      [draft] a draft
      [scheduled] scheduled
      [open] open
      [closed] already closed
      [results_published] already closed, with its results published
      [archived] archived
     *[other] { $state }
    }. Only an open poll can be closed early.
staff-stop-cancelled = Poll { $slug } has been cancelled. It is a draft again and its place on the calendar is free.
staff-stop-closed = Poll { $slug } has been closed. { $notices ->
    [0] No notice goes to the channels: the poll was not announced on any.
    [one] A short notice goes to 1 channel.
   *[other] A short notice goes to { $notices } channels.
  }
staff-stop-heading = Stop
staff-stop-cancel-intro = Cancelling puts the poll back to draft. Its place on the calendar becomes free for other polls.
staff-stop-close-intro = Closing ends the poll now. Residents can no longer take part. The channels that announced the poll get a short notice.
staff-stop-reason-label = Reason (required)
staff-stop-reason-help = For example: "Council decision postponed". The reason goes to the audit log, not into the notice to residents.
staff-stop-cancel-button = Cancel poll
staff-stop-close-button = Close poll now
staff-stop-link = Stop

## The page of one poll.

staff-poll-state = State
staff-poll-slug = Slug
staff-col-responses = Responses

## The share kit: links, QR codes, poster and a snippet for the website.

staff-share-link = Share
staff-share-title = Share: { $title }
staff-share-back = Back to the poll
staff-share-not-open = The poll is not open yet. Whoever opens the links now sees when it opens.
staff-share-links-heading = Links per channel
staff-share-links-intro = Each link records its channel (?c=), so you can later see where responses came from. Use each channel's own link.
staff-share-qr-alt = QR code of the link for { $channel }
staff-share-qr-png = Download the QR code as PNG
staff-share-poster-heading = Poster
staff-share-poster-intro = An A4 poster to print, with a large QR code and a short link.
staff-share-poster-link = Open the poster
staff-share-embed-heading = On your own website
staff-share-embed-intro = Paste this code into a page of your website. It shows a card with the question and a button to the poll. After the card the same link follows as plain text, for readers who see no card.
staff-share-embed-label = Code for the website
staff-share-embed-origins = The card may be shown on:
staff-share-embed-no-origins = No website may show the card yet. Ask an administrator to add your website's address under [collector] embed_origins. Until then only the plain link works.

## The audit log.

staff-audit-filters = Filter the audit log
staff-audit-anyone = Anyone
staff-audit-anything = Anything
staff-audit-from = From
staff-audit-until = Up to and including
staff-audit-filter = Filter
staff-audit-clear = Clear filters
staff-audit-count = { $count ->
    [0] No events found.
    [one] 1 event.
   *[other] { $count } events (at most the latest { $shown }).
  }
staff-audit-family = { $family ->
    [poll] Everything about polls
    [user] Everything about accounts
    [token] Everything about API tokens
    [population] Everything about population figures
    [channel_post] Everything about channel posts
   *[other] { $family }
  }
staff-audit-action = { $action ->
    [poll-created] Poll created
    [poll-updated] Poll changed
    [poll-copied] Poll copied
    [poll-deleted] Poll deleted
    [poll-scheduled] Poll scheduled
    [poll-schedule_override] Spacing rules overridden
    [poll-cancelled] Poll cancelled
    [poll-closed_early] Poll closed early
    [poll-reminder] Reminder posted
    [poll-exported] Responses exported
    [poll-results_published] Results published
    [poll-results_updated] Results updated
    [poll-responses_deleted] Responses deleted (retention)
    [population-imported] Population figures imported
    [token-created] API token created
    [token-revoked] API token revoked
    [user-login] Logged in
    [user-logout] Logged out
    [user-saved] Account saved
    [user-password_set] Password set
    [user-disabled] Account disabled
    [user-enabled] Account enabled
    [user-deleted] Account deleted
    [channel_post-retry] Channel post sent again
   *[other] { $action }
  }
