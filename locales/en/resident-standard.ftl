# Standard questions the builder offers, written into a poll's definition in its languages.
# Each has a reason (…-help) that the poll page shows under the question. Option ids are fixed in
# flits-survey (standard.rs); population files use the same ids.

## Age group, in the age bands of CBS
standard-age-question = How old are you?
standard-age-help = This shows us whether people of all ages take part.
standard-age-tot15 = Under 15
standard-age-15-24 = 15 to 24
standard-age-25-44 = 25 to 44
standard-age-45-64 = 45 to 64
standard-age-65plus = 65 or older

## Neighbourhood: the options are the wijken configured for the poll's audience
standard-neighbourhood-question = Which neighbourhood do you live in?
standard-neighbourhood-help = This shows us whether people from every neighbourhood take part.

## First time taking part
standard-first-time-question = Is this the first time you take part in a poll or consultation of the municipality?
standard-first-time-help = This shows us whether we reach new people too.
standard-first-time-yes = Yes, the first time
standard-first-time-no = No, I took part before

## How they heard of the poll (the link of a channel already says where a click came from)
standard-heard-via-question = How did you hear about this poll?
standard-heard-via-help = This helps us reach you well next time.
standard-heard-via-social = Social media
standard-heard-via-poster = A poster or QR code
standard-heard-via-website = The newsletter or the website
standard-heard-via-krant = The local paper
standard-heard-via-mond = Family, friends or neighbours
standard-heard-via-anders = Another way
