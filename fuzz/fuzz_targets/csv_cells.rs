//! Open answers on their way into a CSV export: any text is scrubbed, scrubbing again changes
//! nothing, and the CSV row reads back (RFC 4180) as exactly the scrubbed cells.
#![no_main]

use flits_results::scrub::scrub;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|cells: Vec<String>| {
    if cells.is_empty() {
        return;
    }
    let scrubbed: Vec<String> = cells.iter().map(|c| scrub(c).text.into_owned()).collect();
    for cell in &scrubbed {
        assert_eq!(
            scrub(cell).text,
            cell.as_str(),
            "scrubbing twice changed {cell:?}"
        );
    }
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    writer.write_record(&scrubbed).unwrap();
    let bytes = writer.into_inner().unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(bytes.as_slice());
    let row = reader
        .records()
        .next()
        .expect("one row")
        .expect("a readable row");
    let back: Vec<&str> = row.iter().collect();
    assert_eq!(back, scrubbed);
});
