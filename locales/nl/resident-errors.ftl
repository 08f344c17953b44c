## The notice a page shows when something on our side fails. Residents and staff both see it.

error-unavailable-heading = Even niet beschikbaar
error-unavailable-text = Deze pagina werkt nu even niet. Probeer het over een paar minuten opnieuw.
error-internal-heading = Er ging iets mis
error-internal-text = Er ging bij ons iets mis. Dat is niet uw fout. Probeer het later opnieuw.
error-request-id = Neemt u hierover contact met ons op? Noem dan deze code:
