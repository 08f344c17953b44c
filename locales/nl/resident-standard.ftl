# Standard questions the builder offers, written into a poll's definition in its languages.

standard-first-time-question = Is dit de eerste keer dat u meedoet aan een peiling van de gemeente?
standard-first-time-yes = Ja, de eerste keer
standard-first-time-no = Nee, ik deed al eens mee
