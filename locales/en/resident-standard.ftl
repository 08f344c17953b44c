# Standard questions the builder offers, written into a poll's definition in its languages.

standard-first-time-question = Is this the first time you take part in a poll of the municipality?
standard-first-time-yes = Yes, the first time
standard-first-time-no = No, I took part before
