# Exports, for operators and analysts.

export-cli-unknown-format = Unknown export format "{ $format }". Use csv, json, xlsx or sps.
export-cli-unknown-poll = There is no poll with slug { $slug }.
export-cli-cannot-write = Cannot write { $file }.
export-cli-provisional = Provisional: poll { $slug } is not closed yet, so its responses may still change.
export-cli-done =
    Exported { $rows ->
        [one] 1 response
       *[other] { $rows } responses
    }; { $suppressed } profile { $suppressed ->
        [one] value
       *[other] values
    } replaced by * so that every combination appears at least { $k } times.
