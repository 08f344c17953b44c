# Standard questions the builder offers, written into a poll's definition in its languages.

standard-first-time-question = Czy pierwszy raz bierzesz udział w ankiecie gminy?
standard-first-time-yes = Tak, pierwszy raz
standard-first-time-no = Nie, brałem już udział
