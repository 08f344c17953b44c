# Standard questions the builder offers, written into a poll's definition in its languages.

standard-first-time-question = هل هذه أول مرة تشارك فيها في استطلاع للبلدية؟
standard-first-time-yes = نعم، أول مرة
standard-first-time-no = لا، شاركت من قبل
