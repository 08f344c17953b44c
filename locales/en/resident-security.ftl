## Refusing answers that another website sends, and a form that comes back without its cookie.

cross-site-heading = This form came from another website
cross-site-text = We saved nothing. This form did not come from our own page. It came from another website. This way nobody can send answers in your name. Do you want to take part? Then open the poll with the link below.
cross-site-link = Go to the poll
form-cookie-missing = We could not check that this form is yours. Your answers are still here. Send them again. Do you see this message again? Then your browser blocks cookies. Allow cookies for this website.
api-cross-site = This request came from another website. Nothing was stored.
