## Texts residents read on the poll pages. Every message exists in nl, en, tr, pl and ar.

language-switch-label = Kies een taal
privacy-cookie = Iedereen kan één keer meedoen. Daarom zet deze website na het versturen een cookie in uw browser. Dat cookie zegt alleen dat er met deze browser aan deze peiling is meegedaan. Er staat niets van uw antwoorden in. Het verdwijnt na { $days } dagen.
