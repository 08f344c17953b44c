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

# The codebook text of the weight column (export formats; analysts).
export-weight-note = Raking weights (iterative proportional fitting) to the population of the poll's audience over { $questions }, from the values this export shows (a * counts as not answered), trimmed at { $cap } times the mean, averaging 1. Converged: { $converged ->
        [true] yes
       *[other] no
    }. Largest weight: { $max }.{ $illustrative ->
        [yes] {" "}The population figures are illustrative, not official.
       *[other] {""}
    }
export-responses-deleted = The responses of poll { $slug } were deleted on { $date }, at the end of their retention period. Only the published figures are kept.
