# The social-media bridge, for staff and operators: why a post failed, and `flits channel`.

bridge-error-rate-limited = The platform is receiving too many posts from us (HTTP 429). Flits tries again in { $seconds } seconds.
bridge-error-server = The platform has a fault (HTTP { $status }). Flits tries again later. { $message }
bridge-error-timeout = The platform did not answer in time. Flits tries again; the post will not appear twice.
bridge-error-connection = The connection to the platform dropped. Flits tries again; the post will not appear twice.
bridge-error-bad-response = The platform gave an unreadable answer (HTTP { $status }). Flits tries again.
bridge-error-refused = The platform refuses the post (HTTP { $status }): { $message }
bridge-error-missing-secret = The environment variable { $variable } is not set. Flits cannot post without this secret.
bridge-error-secret-file = The file named by { $variable } cannot be read: { $reason }
bridge-error-missing-setting = The channel lacks the setting { $setting }.
bridge-error-templates = The post templates of Flits are broken: { $reason }
bridge-error-content = Flits cannot make a post of this poll that fits: { $reason }

bridge-list-empty = No channels are configured. Add them under [[channels]] in the configuration.
bridge-list-id = channel
bridge-list-kind = kind
bridge-list-target = target
bridge-list-native-poll = native poll
bridge-list-secrets = secrets
bridge-secret-set = { $variable } set
bridge-secret-missing = { $variable } MISSING
bridge-yes = yes
bridge-no = no

bridge-test-ok = Channel { $channel }: the credentials work (account { $account }).
bridge-test-ok-nothing-to-check = Channel { $channel }: the settings are complete. This kind of channel has no account to check.
bridge-test-failed = Channel { $channel }: the check failed. { $reason }
bridge-test-unknown = There is no channel { $channel }. Configured: { $known }

bridge-error-not-configured = This channel is not configured (any more), or it could not be set up when Flits started. Check the configuration and the channel's secrets.
bridge-error-unknown-purpose = A newer version of Flits made this post. Update Flits to send it.
bridge-error-waiting-for-announcement = Flits waits until the announcement on this channel has been posted, and then replies to it.
bridge-error-other = { $message }
bridge-gave-up = Flits stopped trying after { $attempts } attempts.
