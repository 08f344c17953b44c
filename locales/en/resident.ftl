## Texts residents read on the poll pages, in plain English.

## The frame of every page
skip-to-content = Skip to content
language-switch-label = Choose a language

## The poll form
required = required
optional = you may skip this
submit = Send my answers
error-summary = Something went wrong. Please check the questions below.
page-title-error = Error: { $title }
duration =
    { $minutes ->
        [one] It takes about 1 minute.
       *[other] It takes about { $minutes } minutes.
    }
max-choices = Choose at most { $count }.
max-length = At most { $count } characters.
form-expired = This form had expired. Your answers are still here. Check them and send them again.
form-foreign = This form does not belong to this poll. Your answers are still here. Check them and send them again.

## What happens to the answers
privacy-heading = What happens to your answers?
privacy-anonymous = Your answers are anonymous. We do not ask for your name or e-mail address.
privacy-kept = We keep only your answers, the language of the page, the date and how you got here. That could be Facebook, for example, or a poster. We do not keep the time.
privacy-not-kept = We do not keep your IP address, your browser or who you are.
privacy-cookie = Everyone can take part once. So after you send your answers, we put a cookie in your browser. It only says that this browser took part. It holds none of your answers. The cookie disappears after { $days } days.
privacy-language = Do you choose another language? Then a second cookie remembers only that language.
privacy-address = Nobody may flood the poll. So we count how often people took part from one network. We do not keep that network's address. We turn it into a code with a secret key. That key exists only in the server's memory. Every night there is a new key and we throw the codes away. Nobody can trace a code back to your address. Not even us.
privacy-who = Only municipal staff see the answers. Do we share them? Then we first remove anything that could identify someone.

## Pages instead of the form
unknown-heading = This poll does not exist
unknown-text = Perhaps the link was not copied completely. Please check the link.
not-open-heading = This poll is not open yet
opens-at = You can take part from { $date } at { $time }.
opens-soon = You can take part soon.
closed-heading = This poll has closed
closed-at = This poll closed on { $date } at { $time }.
closed = This poll has closed.
see-results = See the results
already-heading = You have already taken part
already-text = Answers to this poll have already been sent from this browser. Everyone can take part once. Thank you!
already-link = What happens with the answers?
not-saved-heading = Your answers were not saved
not-saved-text = Something went wrong on our side. Go back and try again in a few minutes.
thanks-heading = Thank you!
thanks-text = We have received your answers. Thank you for taking part!

## Too many answers at once
limit-cap-heading = No more answers from this network today
limit-cap-text = A great many answers to this poll have already been sent from your internet connection today. So that nobody can flood the poll, we stop there for today.
limit-cap-retry =
    { $when ->
        [minute] We did not save your answers. Try again in a minute, or from another network.
        [minutes] We did not save your answers. Try again in { $minutes } minutes, or from another network.
       *[tomorrow] We did not save your answers. Try again tomorrow, or from another network.
    } For example at home, or with mobile data.
limit-busy-heading = Too busy for a moment
limit-busy-text = Too many answers are arriving at the same time right now.
limit-busy-retry =
    { $when ->
        [minute] We did not save your answers. Wait a minute and send them again.
        [minutes] We did not save your answers. Wait { $minutes } minutes and send them again.
       *[tomorrow] We did not save your answers. Send them again tomorrow.
    } Go back with your browser's back button. Your answers are usually still there.

## The printed poster
poster-call = Take part: scan the code with your phone's camera
poster-qr-alt = QR code with the link { $link }
poster-link-label = Or type this link:

## Messages of the JSON submit API
api-rate-limited = Too many answers are arriving. Try again in { $seconds } seconds.
api-too-large = The request is too large. It may be at most { $bytes } bytes.
api-request-timeout = The request came in too slowly. Please try again.
api-wrong-type = Send the request as application/json.
api-invalid-json = The request is not valid JSON of the agreed shape.
api-invalid-submission-id = The submission_id must be 1 to 64 letters, digits, - or _. Use a UUID, for example.
api-unknown-poll = There is no poll with this address.
api-not-open-yet = This poll is not open yet.
api-closed = This poll has closed.
api-unavailable = The poll cannot save your answer right now. Please try again in a few seconds.
api-invalid-answers = Not all answers are valid.

## The thank-you page: the results by e-mail ($days: how long an address waits for the results)
feedback-heading = Would you like the results by e-mail?
feedback-text = When the results are ready, we send you one e-mail. It tells you what we do with the answers.
feedback-email-label = Your e-mail address
feedback-privacy = We keep your e-mail address apart from your answers. Nobody can link the two. We use the address only for this one e-mail, then we delete it. If the results are not ready after { $days } days, we delete the address as well.
feedback-submit = E-mail me the results
feedback-error-summary = Something went wrong.
feedback-invalid = This e-mail address is not right. Please check it. An e-mail address looks like this: name@example.com
feedback-done-heading = We will send you the results
feedback-done-text = When the results are ready, you will get one e-mail from us. Then we delete your e-mail address. If the results are not ready after { $days } days, we delete the address as well.
feedback-not-taken-part-heading = Take part first
feedback-not-taken-part-text = Only people who took part can get the results by e-mail. The results will also be on this website later.
feedback-published-heading = The results are already out
feedback-limit-heading = Too many e-mail addresses at once
feedback-limit-text =
    { $when ->
        [minute] We did not keep your e-mail address. Please try again in a minute.
        [minutes] We did not keep your e-mail address. Please try again in { $minutes } minutes.
       *[tomorrow] Many e-mail addresses have already been given from your internet connection today. We did not keep your e-mail address. Please try again tomorrow.
    } The results will also be on this website later.

resident-embed-cta = Take part in the poll
resident-embed-more = More about the poll
