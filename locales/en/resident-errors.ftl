## The notice a page shows when something on our side fails. Residents and staff both see it.

error-unavailable-heading = Not available right now
error-unavailable-text = This page is not working right now. Please try again in a few minutes.
error-internal-heading = Something went wrong
error-internal-text = Something went wrong on our side. It is not your fault. Please try again later.
error-request-id = If you contact us about this, please mention this code:
