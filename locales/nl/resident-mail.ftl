# The e-mail with a poll's results, for residents who asked for it on the thank-you page. Plain
# Dutch (B1), "u". Arguments: $title (the poll's title).

mail-results-subject = De uitkomst van de peiling: { $title }
mail-results-lead = U deed mee aan de peiling „{ $title }”. U vroeg ons om de uitkomst. Die is nu klaar.
mail-results-summary-heading = Wat u zei, en wat wij doen
mail-results-link = Lees de hele uitkomst op de website:
mail-results-link-text = Lees de hele uitkomst op de website
mail-results-why = U krijgt deze e-mail omdat u om de uitkomst vroeg. Na deze e-mail wissen we uw e-mailadres. U krijgt van ons geen andere e-mail.
