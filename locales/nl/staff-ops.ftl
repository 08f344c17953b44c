# Staff: stopping what is planned, the poll page, the share kit and the audit log.

## Stoppen: een ingeplande peiling annuleren, een open peiling eerder sluiten.

staff-stop-reason-missing = Geef een reden op. De reden komt in het logboek.
staff-stop-reason-too-long = De reden is { $length } tekens lang. Gebruik er hoogstens { $max }.
staff-stop-not-scheduled = Peiling { $slug } is { $state ->
      [draft] een concept
      [scheduled] ingepland
      [open] open
      [closed] al gesloten
      [results_published] al gesloten, met gepubliceerde uitkomsten
      [archived] gearchiveerd
     *[other] { $state }
    }. Alleen een ingeplande peiling kunt u annuleren.
staff-stop-not-open = Peiling { $slug } is { $state ->
      [draft] een concept
      [scheduled] ingepland
      [open] open
      [closed] al gesloten
      [results_published] al gesloten, met gepubliceerde uitkomsten
      [archived] gearchiveerd
     *[other] { $state }
    }. Alleen een open peiling kunt u eerder sluiten.
staff-stop-cancelled = Peiling { $slug } is geannuleerd. Ze is weer een concept en haar plek in de kalender is vrij.
staff-stop-closed = Peiling { $slug } is gesloten. { $notices ->
    [0] Er gaat geen melding naar de kanalen: de peiling was op geen kanaal aangekondigd.
    [one] Er gaat een korte melding naar 1 kanaal.
   *[other] Er gaat een korte melding naar { $notices } kanalen.
  }
staff-stop-heading = Stoppen
staff-stop-cancel-intro = Annuleren zet de peiling terug naar concept. Haar plek in de kalender komt vrij voor andere peilingen.
staff-stop-close-intro = Sluiten stopt de peiling nu. Inwoners kunnen dan niet meer meedoen. De kanalen waarop de peiling is aangekondigd krijgen een korte melding.
staff-stop-reason-label = Reden (verplicht)
staff-stop-reason-help = Bijvoorbeeld: "Raadsbesluit uitgesteld". De reden komt in het logboek, niet in de melding aan inwoners.
staff-stop-cancel-button = Peiling annuleren
staff-stop-close-button = Peiling nu sluiten
staff-stop-link = Stoppen

## De pagina van één peiling.

staff-poll-state = Status
staff-poll-slug = Adres
staff-col-responses = Reacties

## De deelset: links, QR-codes, poster en een stukje code voor de website.

staff-share-link = Delen
staff-share-title = Delen: { $title }
staff-share-back = Terug naar de peiling
staff-share-not-open = De peiling is nog niet open. Wie de links nu opent, ziet wanneer ze opent.
staff-share-links-heading = Links per kanaal
staff-share-links-intro = Elke link onthoudt het kanaal (?c=). Zo ziet u later waar de reacties vandaan kwamen. Gebruik per kanaal zijn eigen link.
staff-share-qr-alt = QR-code van de link voor { $channel }
staff-share-qr-png = QR-code als PNG downloaden
staff-share-poster-heading = Poster
staff-share-poster-intro = Een A4-poster om te printen, met een grote QR-code en een korte link.
staff-share-poster-link = Poster openen
staff-share-embed-heading = Op uw eigen website
staff-share-embed-intro = Plak deze code in een pagina van uw website. Hij toont een kaart met de vraag en een knop naar de peiling. Na de kaart staat dezelfde link als gewone tekst, voor wie geen kaart ziet.
staff-share-embed-label = Code voor de website
staff-share-embed-origins = De kaart mag getoond worden op:
staff-share-embed-no-origins = Nog geen website mag de kaart tonen. Vraag een beheerder om het adres van uw website toe te voegen onder [collector] embed_origins. Tot dan werkt alleen de gewone link.

## Het logboek.

staff-audit-filters = Logboek filteren
staff-audit-anyone = Iedereen
staff-audit-anything = Alles
staff-audit-from = Vanaf
staff-audit-until = Tot en met
staff-audit-filter = Filteren
staff-audit-clear = Filters wissen
staff-audit-count = { $count ->
    [0] Geen gebeurtenissen gevonden.
    [one] 1 gebeurtenis.
   *[other] { $count } gebeurtenissen (hoogstens de laatste { $shown }).
  }
staff-audit-family = { $family ->
    [poll] Alles over peilingen
    [user] Alles over accounts
    [token] Alles over API-sleutels
    [population] Alles over bevolkingscijfers
    [channel_post] Alles over kanaalberichten
   *[other] { $family }
  }
staff-audit-action = { $action ->
    [poll-created] Peiling gemaakt
    [poll-updated] Peiling gewijzigd
    [poll-copied] Peiling gekopieerd
    [poll-deleted] Peiling verwijderd
    [poll-scheduled] Peiling ingepland
    [poll-schedule_override] Regels voor tussenruimte overschreven
    [poll-cancelled] Peiling geannuleerd
    [poll-closed_early] Peiling eerder gesloten
    [poll-reminder] Herinnering geplaatst
    [poll-exported] Antwoorden geëxporteerd
    [poll-results_published] Uitkomsten gepubliceerd
    [poll-results_updated] Nieuws over uitkomsten
    [poll-responses_deleted] Antwoorden gewist (bewaartermijn)
    [population-imported] Bevolkingscijfers ingelezen
    [token-created] API-sleutel gemaakt
    [token-revoked] API-sleutel ingetrokken
    [user-login] Ingelogd
    [user-logout] Uitgelogd
    [user-saved] Account opgeslagen
    [user-password_set] Wachtwoord ingesteld
    [user-disabled] Account geblokkeerd
    [user-enabled] Account vrijgegeven
    [user-deleted] Account verwijderd
    [channel_post-retry] Kanaalbericht opnieuw verstuurd
   *[other] { $action }
  }
