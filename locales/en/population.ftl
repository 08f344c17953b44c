# Population figures per audience (flits population), for operators.

# A problem in a population file, with the line it is on.
population-line = line { $line }: { $problem }
population-unreadable = The file cannot be read ({ $reason }). Is it UTF-8 text?
population-csv = this line is not valid CSV (check the quotes).
population-empty = The file has no counts: after the header question,option,count, each line holds a question, an option and a count.
population-header = the header must be question,option,count, not "{ $found }".
population-fields = a line holds 3 fields (question, option, count), not { $found }.
population-empty-id = the question and the option both need an id.
population-count = "{ $value }" is not a number of residents: use a whole number of 0 or more, without a point or comma.
population-duplicate = { $question },{ $option } is already on line { $first_line }.
population-zero-total = question { $question } has no residents in any option.
population-unknown-key = unknown key "{ $key }": use source, reference_date or illustrative.
population-repeated-key = "{ $key }" is given twice.
population-empty-value = "{ $key }" has no value.
population-reference-date = reference date "{ $value }" is not a date like 2025-01-01.
population-illustrative = illustrative must be true or false, not "{ $value }".
population-missing-source = The file names no source: add a line such as "# source: CBS StatLine 03759ned" at the top.
population-missing-reference-date = The file gives no reference date: add a line such as "# reference_date: 2025-01-01" at the top.

# flits population import and list
population-cli-cannot-read = Cannot read { $file }: { $reason }
population-cli-invalid =
    { $file } was not stored: { $count ->
        [one] 1 error
       *[other] { $count } errors
    } above. The figures already stored stay as they were.
population-cli-unknown-audience = There is no audience "{ $audience }"; nothing was stored. Known audiences: { $known }.
population-cli-no-audiences = (none yet)
population-cli-unstorable = { $file } was not stored: a count is too large to store.
population-cli-stored = Population figures stored for { $name } ({ $audience }).
population-cli-replaced = They replace the figures with reference date { $reference_date } from "{ $source }".
population-cli-source = source
population-cli-reference-date = reference date
population-cli-imported = imported
population-cli-illustrative = ILLUSTRATIVE: not official figures. Every comparison with them is marked as such.
population-cli-question =
    { $question }: { $options ->
        [one] 1 option
       *[other] { $options } options
    }, total { $total }
population-cli-none = There are no population figures yet. Import them with: flits population import FILE --audience ID
population-cli-via-cli = from the command line
population-cli-via-cli-by = from the command line, by { $operator }
population-cli-via-demo = by flits demo
population-cli-by = by { $email }
