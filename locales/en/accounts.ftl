## Staff accounts: switching off and on, deleting, every API token, strong passwords

accounts-password-weak = This password is too easy to guess.
accounts-password-warning-key-rows = Straight rows of keys are easy to guess.
accounts-password-warning-key-patterns = Short keyboard patterns are easy to guess.
accounts-password-warning-repeats = Repeats like "aaa" are easy to guess.
accounts-password-warning-repeated-groups = Repeats like "abcabcabc" are only slightly harder to guess than "abc".
accounts-password-warning-top10 = This is one of the ten most used passwords.
accounts-password-warning-top100 = This is one of the hundred most used passwords.
accounts-password-warning-common = This is a very common password.
accounts-password-warning-similar = This is similar to a commonly used password.
accounts-password-warning-sequences = Sequences like abc or 6543 are easy to guess.
accounts-password-warning-recent-years = Recent years are easy to guess.
accounts-password-warning-one-word = A word by itself is easy to guess.
accounts-password-warning-dates = Dates are often easy to guess.
accounts-password-warning-names = First names and surnames by themselves are easy to guess.
accounts-password-warning-common-names = Common first names and surnames are easy to guess.
accounts-password-suggest-few-words = Use a few words, but not a common phrase.
accounts-password-suggest-no-symbols-needed = Symbols, digits or capitals are not needed.
accounts-password-suggest-add-words = Add another word or two. Uncommon words are better.
accounts-password-suggest-capitals = Capitals do not help very much.
accounts-password-suggest-all-capitals = All capitals are almost as easy to guess as all small letters.
accounts-password-suggest-reversed = Words written backwards are not much harder to guess.
accounts-password-suggest-substitutions = Predictable substitutions, such as "@" for "a", do not help very much.
accounts-password-suggest-longer-pattern = Use a longer keyboard pattern with more turns.
accounts-password-suggest-no-repeats = Avoid repeated words and characters.
accounts-password-suggest-no-sequences = Avoid sequences.
accounts-password-suggest-no-recent-years = Avoid recent years.
accounts-password-suggest-no-years = Avoid years that have to do with you.
accounts-password-suggest-no-dates = Avoid dates and years that have to do with you.

accounts-state = State
accounts-state-active = active
accounts-state-disabled = switched off since { $since }
accounts-actions = Actions
accounts-disable = Switch off
accounts-enable = Switch on
accounts-delete = Delete
accounts-delete-confirm = I am sure
accounts-delete-confirm-missing = Tick "I am sure" to delete { $email }.
accounts-not-yourself = You cannot switch off or delete your own account. Ask another admin.
accounts-user-not-found = This user does not exist.
accounts-users-intro = A switched-off account cannot log in any more, at once, and its API tokens and calendar link stop working. Deleting removes the account and its tokens; the audit log stays as it is.
accounts-login-disabled = This account is switched off. Ask an admin to switch it on again.

accounts-tokens-title = All API tokens
accounts-tokens-link = See all API tokens
accounts-tokens-intro = Every API token of every user. The tokens themselves are not stored and are never shown.
accounts-token-owner = Owner
accounts-token-created = Created
accounts-tokens-none = There are no API tokens yet.
accounts-api-token-not-found = There is no API token with this id.

accounts-cli-disabled = Switched off: { $email }. Its sessions, API tokens and calendar link no longer work.
accounts-cli-already-disabled = { $email } was already switched off.
accounts-cli-enabled = Switched on: { $email }.
accounts-cli-already-enabled = { $email } was not switched off.
accounts-cli-deleted = Deleted: { $email }. The audit log stays as it is.
accounts-cli-unknown = There is no account { $email }.
accounts-cli-password-set = New password stored for { $email }. Its sessions and calendar link have ended.
accounts-cli-token-disabled = { $email } is switched off: switch the account on first.

accounts-population-via-cli-by = from the command line, by { $operator }
