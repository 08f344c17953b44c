//! A staff account's e-mail address and new password: parsed by the one rule of each in
//! [`flits_types`] (the web UI and `flits user add` alike), and why one is refused, in the reader's
//! language from the catalogue.
//!
//! A password that is too easy to guess is refused with the estimator's reasons, each a code of
//! `zxcvbn` ([`PasswordWarning`], [`PasswordSuggestion`]) mapped here to a message of
//! `locales/*/accounts.ftl`: Dutch staff read Dutch, never the estimator's English sentences.

use flits_i18n::{Locale, t};
use flits_types::{
    InvalidEmail, InvalidPassword, MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS, PasswordSuggestion,
    PasswordWarning, Weakness,
};

/// Why an e-mail address was refused (`email_invalid`), in `locale`.
pub fn email_message(_: &InvalidEmail, locale: Locale) -> String {
    t!(locale, "staff-user-email-invalid")
}

/// Why a new password was refused (`password_too_short`, `password_too_long`,
/// `password_too_weak` with what is wrong and what would help), in `locale`.
pub fn password_message(problem: &InvalidPassword, locale: Locale) -> String {
    match problem {
        InvalidPassword::TooShort => t!(
            locale,
            "staff-user-password-short",
            min = MIN_PASSWORD_CHARS
        ),
        InvalidPassword::TooLong => {
            t!(locale, "staff-user-password-long", max = MAX_PASSWORD_CHARS)
        }
        InvalidPassword::TooWeak(weakness) => weak_message(weakness, locale),
    }
}

/// "Too easy to guess", then the warning and the suggestions, as sentences.
fn weak_message(weakness: &Weakness, locale: Locale) -> String {
    let mut sentences = vec![t!(locale, "accounts-password-weak")];
    if let Some(w) = weakness.warning {
        sentences.push(warning_message(w, locale));
    }
    sentences.extend(
        weakness
            .suggestions
            .iter()
            .map(|s| suggestion_message(*s, locale)),
    );
    sentences.join(" ")
}

/// What is wrong with the password, in `locale`.
pub fn warning_message(warning: PasswordWarning, locale: Locale) -> String {
    use PasswordWarning as W;
    match warning {
        W::StraightRowsOfKeysAreEasyToGuess => t!(locale, "accounts-password-warning-key-rows"),
        W::ShortKeyboardPatternsAreEasyToGuess => {
            t!(locale, "accounts-password-warning-key-patterns")
        }
        W::RepeatsLikeAaaAreEasyToGuess => t!(locale, "accounts-password-warning-repeats"),
        W::RepeatsLikeAbcAbcAreOnlySlightlyHarderToGuess => {
            t!(locale, "accounts-password-warning-repeated-groups")
        }
        W::ThisIsATop10Password => t!(locale, "accounts-password-warning-top10"),
        W::ThisIsATop100Password => t!(locale, "accounts-password-warning-top100"),
        W::ThisIsACommonPassword => t!(locale, "accounts-password-warning-common"),
        W::ThisIsSimilarToACommonlyUsedPassword => {
            t!(locale, "accounts-password-warning-similar")
        }
        W::SequencesLikeAbcAreEasyToGuess => t!(locale, "accounts-password-warning-sequences"),
        W::RecentYearsAreEasyToGuess => t!(locale, "accounts-password-warning-recent-years"),
        W::AWordByItselfIsEasyToGuess => t!(locale, "accounts-password-warning-one-word"),
        W::DatesAreOftenEasyToGuess => t!(locale, "accounts-password-warning-dates"),
        W::NamesAndSurnamesByThemselvesAreEasyToGuess => {
            t!(locale, "accounts-password-warning-names")
        }
        W::CommonNamesAndSurnamesAreEasyToGuess => {
            t!(locale, "accounts-password-warning-common-names")
        }
    }
}

/// What would make the password stronger, in `locale`.
pub fn suggestion_message(suggestion: PasswordSuggestion, locale: Locale) -> String {
    use PasswordSuggestion as S;
    match suggestion {
        S::UseAFewWordsAvoidCommonPhrases => t!(locale, "accounts-password-suggest-few-words"),
        S::NoNeedForSymbolsDigitsOrUppercaseLetters => {
            t!(locale, "accounts-password-suggest-no-symbols-needed")
        }
        S::AddAnotherWordOrTwo => t!(locale, "accounts-password-suggest-add-words"),
        S::CapitalizationDoesntHelpVeryMuch => t!(locale, "accounts-password-suggest-capitals"),
        S::AllUppercaseIsAlmostAsEasyToGuessAsAllLowercase => {
            t!(locale, "accounts-password-suggest-all-capitals")
        }
        S::ReversedWordsArentMuchHarderToGuess => t!(locale, "accounts-password-suggest-reversed"),
        S::PredictableSubstitutionsDontHelpVeryMuch => {
            t!(locale, "accounts-password-suggest-substitutions")
        }
        S::UseALongerKeyboardPatternWithMoreTurns => {
            t!(locale, "accounts-password-suggest-longer-pattern")
        }
        S::AvoidRepeatedWordsAndCharacters => t!(locale, "accounts-password-suggest-no-repeats"),
        S::AvoidSequences => t!(locale, "accounts-password-suggest-no-sequences"),
        S::AvoidRecentYears => t!(locale, "accounts-password-suggest-no-recent-years"),
        S::AvoidYearsThatAreAssociatedWithYou => t!(locale, "accounts-password-suggest-no-years"),
        S::AvoidDatesAndYearsThatAreAssociatedWithYou => {
            t!(locale, "accounts-password-suggest-no-dates")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use flits_types::{Email, Password};

    #[test]
    fn every_refusal_has_words_in_every_staff_language() {
        let email = Email::parse("anna").unwrap_err();
        let short = Password::parse("elf tekens!").unwrap_err();
        let long = Password::parse(&"x".repeat(MAX_PASSWORD_CHARS + 1)).unwrap_err();
        let weak = Password::parse("aaaaaaaaaaaa").unwrap_err();
        assert_eq!(
            [email.code(), short.code(), long.code(), weak.code()],
            [
                "email_invalid",
                "password_too_short",
                "password_too_long",
                "password_too_weak"
            ]
        );
        for locale in Locale::STAFF {
            assert!(!email_message(&email, locale).is_empty());
            assert!(password_message(&short, locale).contains(&MIN_PASSWORD_CHARS.to_string()));
            assert!(password_message(&long, locale).contains(&MAX_PASSWORD_CHARS.to_string()));
        }
        let dutch = password_message(&weak, Locale::Nl);
        assert!(dutch.contains("makkelijk te raden"), "{dutch}");
        assert!(dutch.contains("aaa"), "the warning about repeats: {dutch}");
        assert!(
            !dutch.contains("guess"),
            "no English for Dutch staff: {dutch}"
        );
        let english = password_message(&weak, Locale::En);
        assert!(english.contains("easy to guess"), "{english}");
    }

    #[test]
    fn every_warning_and_suggestion_has_its_own_words() {
        use PasswordSuggestion as S;
        use PasswordWarning as W;
        let warnings = [
            W::StraightRowsOfKeysAreEasyToGuess,
            W::ShortKeyboardPatternsAreEasyToGuess,
            W::RepeatsLikeAaaAreEasyToGuess,
            W::RepeatsLikeAbcAbcAreOnlySlightlyHarderToGuess,
            W::ThisIsATop10Password,
            W::ThisIsATop100Password,
            W::ThisIsACommonPassword,
            W::ThisIsSimilarToACommonlyUsedPassword,
            W::SequencesLikeAbcAreEasyToGuess,
            W::RecentYearsAreEasyToGuess,
            W::AWordByItselfIsEasyToGuess,
            W::DatesAreOftenEasyToGuess,
            W::NamesAndSurnamesByThemselvesAreEasyToGuess,
            W::CommonNamesAndSurnamesAreEasyToGuess,
        ];
        let suggestions = [
            S::UseAFewWordsAvoidCommonPhrases,
            S::NoNeedForSymbolsDigitsOrUppercaseLetters,
            S::AddAnotherWordOrTwo,
            S::CapitalizationDoesntHelpVeryMuch,
            S::AllUppercaseIsAlmostAsEasyToGuessAsAllLowercase,
            S::ReversedWordsArentMuchHarderToGuess,
            S::PredictableSubstitutionsDontHelpVeryMuch,
            S::UseALongerKeyboardPatternWithMoreTurns,
            S::AvoidRepeatedWordsAndCharacters,
            S::AvoidSequences,
            S::AvoidRecentYears,
            S::AvoidYearsThatAreAssociatedWithYou,
            S::AvoidDatesAndYearsThatAreAssociatedWithYou,
        ];
        for locale in Locale::STAFF {
            let mut texts: Vec<String> = warnings
                .iter()
                .map(|w| warning_message(*w, locale))
                .chain(suggestions.iter().map(|s| suggestion_message(*s, locale)))
                .collect();
            let all = texts.len();
            texts.sort();
            texts.dedup();
            assert_eq!(texts.len(), all, "a message used twice in {locale:?}");
        }
        for w in warnings {
            // Not the estimator's own English sentence for Dutch staff.
            assert_ne!(warning_message(w, Locale::Nl), w.to_string());
        }
        for s in suggestions {
            assert_ne!(suggestion_message(s, Locale::Nl), s.to_string());
        }
    }
}
