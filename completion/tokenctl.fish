# fish completion for tokenctl. Generated from tokenctl's command model (io.tokenctl.cli.GenerateDocs); do not edit.
# Install: copy it to ~/.config/fish/completions/tokenctl.fish

function __tokenctl_spec
    switch $argv[1]
        case 'tokenctl'
            set -g __tokenctl_subs 'setup' 'auth' 'user' 'org' 'audit' 'whoami' 'config' 'serve' 'store' 'completion'
            set -g __tokenctl_subs_help 'Set up a new store: the first org, its admin user and an all-access operator token.' 'Create, list, change, regenerate and retire tokens ("authorizations").' 'Create, list and delete users; a user belongs to orgs with one role each.' 'Create and list orgs.' 'Read the audit log: every change and every refused attempt (org admins only).' 'Show who the operator token is: its owner, its token id, and the orgs it works in with its role in each.' 'Manage profiles in $XDG_CONFIG_HOME/tokenctl/config: which store or server, which operator token.' 'Serve the store over HTTP: every operation under /api/v2 (shaped like InfluxDB\'s: /authorizations, /users, /orgs, /audit, /me), POST /api/v2/verify (RFC 7662), GET /api/v2/authz for reverse proxies\' forward auth, GET /health and the OpenAPI document at /api/v2/openapi.json.' 'Work on a store as a whole.' 'Print the shell completion script for bash, zsh or fish.'
            set -g __tokenctl_cmds 'setup' 'auth' 'user' 'org' 'audit' 'whoami' 'config' 'serve' 'store' 'completion'
            set -g __tokenctl_flags '--skip-verify' '--debug' '-h' '--help' '-V' '--version'
            set -g __tokenctl_flags_help 'Don\'t check an https --host\'s certificate: for test set-ups only, never in production' 'Print stack traces of failures' 'Show this help message and exit.' 'Show this help message and exit.' 'Print version information and exit.' 'Print version information and exit.'
            set -g __tokenctl_vopts '--store' '--host' '--profile' '--token-file' '--ca-cert' '--timeout'
            set -g __tokenctl_vopts_help 'SQLite store file (env: TOKENCTL_STORE; default: $XDG_DATA_HOME/tokenctl/tokenctl.db)' 'URL of a remote tokenctl serve, e.g. http://127.0.0.1:8086 (env: TOKENCTL_HOST)' 'Profile to use instead of the active one (env: TOKENCTL_PROFILE)' 'File holding the operator token (else env TOKENCTL_TOKEN, else the profile\'s)' 'PEM certificate of a private CA to trust for an https --host (env: TOKENCTL_CA_CERT)' 'How long to wait for a --host to connect and answer (default: 10s)'
        case 'tokenctl setup'
            set -g __tokenctl_subs
            set -g __tokenctl_subs_help
            set -g __tokenctl_cmds
            set -g __tokenctl_flags '--force' '--active' '-q' '--quiet' '--json' '--hide-headers' '-h' '--help' '-V' '--version' '--skip-verify' '--debug'
            set -g __tokenctl_flags_help 'Set up a store file that exists but holds no org, and replace the token saved in the profile' 'Make the profile the token is saved in the active one (the first profile is anyway)' 'Print only the operator token' 'Print only the operator token' 'Print JSON (stable field names) instead of a table' 'Leave out the table header (for scripts reading columns)' 'Show this help message and exit.' 'Show this help message and exit.' 'Print version information and exit.' 'Print version information and exit.' 'Don\'t check an https --host\'s certificate: for test set-ups only, never in production' 'Print stack traces of failures'
            set -g __tokenctl_vopts '--username' '--org' '--store' '--host' '--profile' '--token-file' '--ca-cert' '--timeout'
            set -g __tokenctl_vopts_help 'Name of the first admin user' 'Name of the first org' 'SQLite store file (env: TOKENCTL_STORE; default: $XDG_DATA_HOME/tokenctl/tokenctl.db)' 'URL of a remote tokenctl serve, e.g. http://127.0.0.1:8086 (env: TOKENCTL_HOST)' 'Profile to use instead of the active one (env: TOKENCTL_PROFILE)' 'File holding the operator token (else env TOKENCTL_TOKEN, else the profile\'s)' 'PEM certificate of a private CA to trust for an https --host (env: TOKENCTL_CA_CERT)' 'How long to wait for a --host to connect and answer (default: 10s)'
        case 'tokenctl auth'
            set -g __tokenctl_subs 'create' 'list' 'show' 'update' 'activate' 'deactivate' 'retire' 'delete' 'regenerate' 'clone' 'promote' 'revoke-org' 'verify' 'find' 'apps' 'approve-app' 'deny-app'
            set -g __tokenctl_subs_help 'Create a token and print its secret once.' 'List tokens in creation order, a page at a time (100 by default): when more follow, stderr says "showing 100 of N tokens" and the next --after (the output stays a table or, with --json, an array; exit 0).' 'Show one token (never its secret).' 'Change a token\'s description or expiry.' 'Let an inactive token work again.' 'Stop a token working until it is activated again.' 'Revoke a token for good; it stays listed as history with status retired.' 'Delete a token and its history (prefer retire to keep the record).' 'Give a token a new secret, keeping its id and permissions.' 'Create a new token with a new id and the same permissions as an existing one, or with the permissions given by flags.' 'Turn a user token into an account token, owned by the org (admins only).' 'Cut one org out of a token\'s reach: it stops working there and keeps working in its other orgs.' 'Is this token good for this use?' 'Which tokens are these secrets?' 'List the apps that used a token, with their state and first and last use.' 'Let an app use a token (owner or admin; audited).' 'Refuse an app the use of a token: its verifies answer 403 (owner or admin; audited).'
            set -g __tokenctl_cmds 'create' 'list' 'ls' 'show' 'update' 'activate' 'deactivate' 'retire' 'delete' 'regenerate' 'clone' 'promote' 'revoke-org' 'verify' 'find' 'apps' 'approve-app' 'deny-app'
            set -g __tokenctl_flags '-h' '--help' '-V' '--version' '--skip-verify' '--debug'
            set -g __tokenctl_flags_help 'Show this help message and exit.' 'Show this help message and exit.' 'Print version information and exit.' 'Print version information and exit.' 'Don\'t check an https --host\'s certificate: for test set-ups only, never in production' 'Print stack traces of failures'
            set -g __tokenctl_vopts '--store' '--host' '--profile' '--token-file' '--ca-cert' '--timeout'
            set -g __tokenctl_vopts_help 'SQLite store file (env: TOKENCTL_STORE; default: $XDG_DATA_HOME/tokenctl/tokenctl.db)' 'URL of a remote tokenctl serve, e.g. http://127.0.0.1:8086 (env: TOKENCTL_HOST)' 'Profile to use instead of the active one (env: TOKENCTL_PROFILE)' 'File holding the operator token (else env TOKENCTL_TOKEN, else the profile\'s)' 'PEM certificate of a private CA to trust for an https --host (env: TOKENCTL_CA_CERT)' 'How long to wait for a --host to connect and answer (default: 10s)'
        case 'tokenctl auth create'
            set -g __tokenctl_subs
            set -g __tokenctl_subs_help
            set -g __tokenctl_cmds
            set -g __tokenctl_flags '--all-orgs' '--account' '--all-access' '-q' '--quiet' '--json' '--hide-headers' '-h' '--help' '-V' '--version' '--skip-verify' '--debug' '--read-authorizations' '--write-authorizations' '--read-buckets' '--write-buckets' '--read-dashboards' '--write-dashboards' '--read-orgs' '--write-orgs' '--read-tasks' '--write-tasks' '--read-telegrafs' '--write-telegrafs' '--read-users' '--write-users' '--read-variables' '--write-variables' '--read-secrets' '--write-secrets' '--read-labels' '--write-labels' '--read-views' '--write-views' '--read-documents' '--write-documents' '--read-notificationRules' '--write-notificationRules' '--read-notificationEndpoints' '--write-notificationEndpoints' '--read-checks' '--write-checks' '--read-dbrps' '--write-dbrps' '--read-annotations' '--write-annotations' '--read-remotes' '--write-remotes' '--read-replications' '--write-replications'
            set -g __tokenctl_flags_help 'Every org the owner belongs to, now and in future' 'An account token, owned by the org rather than a user (admins only)' 'Every permission in the org; excludes the other permission flags' 'Print only the secret (for TOKEN=$(...))' 'Print only the secret (for TOKEN=$(...))' 'Print JSON (stable field names) instead of a table' 'Leave out the table header (for scripts reading columns)' 'Show this help message and exit.' 'Show this help message and exit.' 'Print version information and exit.' 'Print version information and exit.' 'Don\'t check an https --host\'s certificate: for test set-ups only, never in production' 'Print stack traces of failures' 'Read access to all authorizations' 'Write access to all authorizations' 'Read access to all buckets' 'Write access to all buckets' 'Read access to all dashboards' 'Write access to all dashboards' 'Read access to all orgs' 'Write access to all orgs' 'Read access to all tasks' 'Write access to all tasks' 'Read access to all telegrafs' 'Write access to all telegrafs' 'Read access to all users' 'Write access to all users' 'Read access to all variables' 'Write access to all variables' 'Read access to all secrets' 'Write access to all secrets' 'Read access to all labels' 'Write access to all labels' 'Read access to all views' 'Write access to all views' 'Read access to all documents' 'Write access to all documents' 'Read access to all notificationRules' 'Write access to all notificationRules' 'Read access to all notificationEndpoints' 'Write access to all notificationEndpoints' 'Read access to all checks' 'Write access to all checks' 'Read access to all dbrp' 'Write access to all dbrp' 'Read access to all annotations' 'Write access to all annotations' 'Read access to all remotes' 'Write access to all remotes' 'Read access to all replications' 'Write access to all replications'
            set -g __tokenctl_vopts '--description' '--user' '--org' '--expires' '--format' '--app-default' '--allow-ip' '--store' '--host' '--profile' '--token-file' '--ca-cert' '--timeout' '--read-authorization' '--write-authorization' '--read-bucket' '--write-bucket' '--read-dashboard' '--write-dashboard' '--read-org' '--write-org' '--read-task' '--write-task' '--read-telegraf' '--write-telegraf' '--read-user' '--write-user' '--read-variable' '--write-variable' '--read-secret' '--write-secret' '--read-label' '--write-label' '--read-view' '--write-view' '--read-document' '--write-document' '--read-notificationRule' '--write-notificationRule' '--read-notificationEndpoint' '--write-notificationEndpoint' '--read-check' '--write-check' '--read-dbrp' '--write-dbrp' '--read-annotation' '--write-annotation' '--read-remote' '--write-remote' '--read-replication' '--write-replication'
            set -g __tokenctl_vopts_help 'What the token is for (at most 256 characters; default: made from the permissions)' 'Owner of the token (default: the operator)' 'Org the token works in; repeat for a fixed list (default: TOKENCTL_ORG, else the profile\'s org, else the operator token\'s)' '90s, 15m, 12h, 30d, 2w, an ISO-8601 time (2027-01-31T00:00:00Z), or never (default)' 'opaque (tctl_..., default) or jwt (Ed25519-signed by the org\'s key)' 'A new app\'s first use: allow (default), pending (401 until approved) or deny (403)' 'Only clients in this network (IPv4 or IPv6; repeatable), checked by auth verify --ip' 'SQLite store file (env: TOKENCTL_STORE; default: $XDG_DATA_HOME/tokenctl/tokenctl.db)' 'URL of a remote tokenctl serve, e.g. http://127.0.0.1:8086 (env: TOKENCTL_HOST)' 'Profile to use instead of the active one (env: TOKENCTL_PROFILE)' 'File holding the operator token (else env TOKENCTL_TOKEN, else the profile\'s)' 'PEM certificate of a private CA to trust for an https --host (env: TOKENCTL_CA_CERT)' 'How long to wait for a --host to connect and answer (default: 10s)' 'Read access to one of the authorizations by id (repeatable)' 'Write access to one of the authorizations by id (repeatable)' 'Read access to one of the buckets by id (repeatable)' 'Write access to one of the buckets by id (repeatable)' 'Read access to one of the dashboards by id (repeatable)' 'Write access to one of the dashboards by id (repeatable)' 'Read access to one of the orgs by id (repeatable)' 'Write access to one of the orgs by id (repeatable)' 'Read access to one of the tasks by id (repeatable)' 'Write access to one of the tasks by id (repeatable)' 'Read access to one of the telegrafs by id (repeatable)' 'Write access to one of the telegrafs by id (repeatable)' 'Read access to one of the users by id (repeatable)' 'Write access to one of the users by id (repeatable)' 'Read access to one of the variables by id (repeatable)' 'Write access to one of the variables by id (repeatable)' 'Read access to one of the secrets by id (repeatable)' 'Write access to one of the secrets by id (repeatable)' 'Read access to one of the labels by id (repeatable)' 'Write access to one of the labels by id (repeatable)' 'Read access to one of the views by id (repeatable)' 'Write access to one of the views by id (repeatable)' 'Read access to one of the documents by id (repeatable)' 'Write access to one of the documents by id (repeatable)' 'Read access to one of the notificationRules by id (repeatable)' 'Write access to one of the notificationRules by id (repeatable)' 'Read access to one of the notificationEndpoints by id (repeatable)' 'Write access to one of the notificationEndpoints by id (repeatable)' 'Read access to one of the checks by id (repeatable)' 'Write access to one of the checks by id (repeatable)' 'Read access to one of the dbrp by id (repeatable)' 'Write access to one of the dbrp by id (repeatable)' 'Read access to one of the annotations by id (repeatable)' 'Write access to one of the annotations by id (repeatable)' 'Read access to one of the remotes by id (repeatable)' 'Write access to one of the remotes by id (repeatable)' 'Read access to one of the replications by id (repeatable)' 'Write access to one of the replications by id (repeatable)'
        case 'tokenctl auth list' 'tokenctl auth ls'
            set -g __tokenctl_subs
            set -g __tokenctl_subs_help
            set -g __tokenctl_cmds
            set -g __tokenctl_flags '--all' '--wide' '--json' '--hide-headers' '-h' '--help' '-V' '--version' '--skip-verify' '--debug'
            set -g __tokenctl_flags_help 'Every token, page after page (streamed: any number of tokens)' 'Every permission and the whole description, however wide the terminal' 'Print JSON (stable field names) instead of a table' 'Leave out the table header (for scripts reading columns)' 'Show this help message and exit.' 'Show this help message and exit.' 'Print version information and exit.' 'Print version information and exit.' 'Don\'t check an https --host\'s certificate: for test set-ups only, never in production' 'Print stack traces of failures'
            set -g __tokenctl_vopts '--user' '--org' '--status' '--expiring-within' '--limit' '--after' '--store' '--host' '--profile' '--token-file' '--ca-cert' '--timeout'
            set -g __tokenctl_vopts_help 'Only tokens owned by this user' 'Only tokens that can act in this org, wherever their home org is' 'Only tokens in this status: active, inactive, retired, expired' 'Only active tokens that expire within this long from now (e.g. 7d)' 'At most N tokens (default: 100, at most 10000)' 'Start after this token id (the next page)' 'SQLite store file (env: TOKENCTL_STORE; default: $XDG_DATA_HOME/tokenctl/tokenctl.db)' 'URL of a remote tokenctl serve, e.g. http://127.0.0.1:8086 (env: TOKENCTL_HOST)' 'Profile to use instead of the active one (env: TOKENCTL_PROFILE)' 'File holding the operator token (else env TOKENCTL_TOKEN, else the profile\'s)' 'PEM certificate of a private CA to trust for an https --host (env: TOKENCTL_CA_CERT)' 'How long to wait for a --host to connect and answer (default: 10s)'
        case 'tokenctl auth show'
            set -g __tokenctl_subs
            set -g __tokenctl_subs_help
            set -g __tokenctl_cmds
            set -g __tokenctl_flags '--json' '--hide-headers' '-h' '--help' '-V' '--version' '--skip-verify' '--debug'
            set -g __tokenctl_flags_help 'Print JSON (stable field names) instead of a table' 'Leave out the table header (for scripts reading columns)' 'Show this help message and exit.' 'Show this help message and exit.' 'Print version information and exit.' 'Print version information and exit.' 'Don\'t check an https --host\'s certificate: for test set-ups only, never in production' 'Print stack traces of failures'
            set -g __tokenctl_vopts '--store' '--host' '--profile' '--token-file' '--ca-cert' '--timeout'
            set -g __tokenctl_vopts_help 'SQLite store file (env: TOKENCTL_STORE; default: $XDG_DATA_HOME/tokenctl/tokenctl.db)' 'URL of a remote tokenctl serve, e.g. http://127.0.0.1:8086 (env: TOKENCTL_HOST)' 'Profile to use instead of the active one (env: TOKENCTL_PROFILE)' 'File holding the operator token (else env TOKENCTL_TOKEN, else the profile\'s)' 'PEM certificate of a private CA to trust for an https --host (env: TOKENCTL_CA_CERT)' 'How long to wait for a --host to connect and answer (default: 10s)'
        case 'tokenctl auth update'
            set -g __tokenctl_subs
            set -g __tokenctl_subs_help
            set -g __tokenctl_cmds
            set -g __tokenctl_flags '--json' '--hide-headers' '-h' '--help' '-V' '--version' '--skip-verify' '--debug'
            set -g __tokenctl_flags_help 'Print JSON (stable field names) instead of a table' 'Leave out the table header (for scripts reading columns)' 'Show this help message and exit.' 'Show this help message and exit.' 'Print version information and exit.' 'Print version information and exit.' 'Don\'t check an https --host\'s certificate: for test set-ups only, never in production' 'Print stack traces of failures'
            set -g __tokenctl_vopts '--description' '--expires' '--owner' '--store' '--host' '--profile' '--token-file' '--ca-cert' '--timeout'
            set -g __tokenctl_vopts_help 'New description (at most 256 characters)' 'New expiry: 30d, an ISO-8601 time, or never' 'New owner, in the token\'s orgs, whose role must allow its permissions (admins only)' 'SQLite store file (env: TOKENCTL_STORE; default: $XDG_DATA_HOME/tokenctl/tokenctl.db)' 'URL of a remote tokenctl serve, e.g. http://127.0.0.1:8086 (env: TOKENCTL_HOST)' 'Profile to use instead of the active one (env: TOKENCTL_PROFILE)' 'File holding the operator token (else env TOKENCTL_TOKEN, else the profile\'s)' 'PEM certificate of a private CA to trust for an https --host (env: TOKENCTL_CA_CERT)' 'How long to wait for a --host to connect and answer (default: 10s)'
        case 'tokenctl auth activate'
            set -g __tokenctl_subs
            set -g __tokenctl_subs_help
            set -g __tokenctl_cmds
            set -g __tokenctl_flags '--json' '--hide-headers' '-h' '--help' '-V' '--version' '--skip-verify' '--debug'
            set -g __tokenctl_flags_help 'Print JSON (stable field names) instead of a table' 'Leave out the table header (for scripts reading columns)' 'Show this help message and exit.' 'Show this help message and exit.' 'Print version information and exit.' 'Print version information and exit.' 'Don\'t check an https --host\'s certificate: for test set-ups only, never in production' 'Print stack traces of failures'
            set -g __tokenctl_vopts '--store' '--host' '--profile' '--token-file' '--ca-cert' '--timeout'
            set -g __tokenctl_vopts_help 'SQLite store file (env: TOKENCTL_STORE; default: $XDG_DATA_HOME/tokenctl/tokenctl.db)' 'URL of a remote tokenctl serve, e.g. http://127.0.0.1:8086 (env: TOKENCTL_HOST)' 'Profile to use instead of the active one (env: TOKENCTL_PROFILE)' 'File holding the operator token (else env TOKENCTL_TOKEN, else the profile\'s)' 'PEM certificate of a private CA to trust for an https --host (env: TOKENCTL_CA_CERT)' 'How long to wait for a --host to connect and answer (default: 10s)'
        case 'tokenctl auth deactivate'
            set -g __tokenctl_subs
            set -g __tokenctl_subs_help
            set -g __tokenctl_cmds
            set -g __tokenctl_flags '--json' '--hide-headers' '-h' '--help' '-V' '--version' '--skip-verify' '--debug'
            set -g __tokenctl_flags_help 'Print JSON (stable field names) instead of a table' 'Leave out the table header (for scripts reading columns)' 'Show this help message and exit.' 'Show this help message and exit.' 'Print version information and exit.' 'Print version information and exit.' 'Don\'t check an https --host\'s certificate: for test set-ups only, never in production' 'Print stack traces of failures'
            set -g __tokenctl_vopts '--store' '--host' '--profile' '--token-file' '--ca-cert' '--timeout'
            set -g __tokenctl_vopts_help 'SQLite store file (env: TOKENCTL_STORE; default: $XDG_DATA_HOME/tokenctl/tokenctl.db)' 'URL of a remote tokenctl serve, e.g. http://127.0.0.1:8086 (env: TOKENCTL_HOST)' 'Profile to use instead of the active one (env: TOKENCTL_PROFILE)' 'File holding the operator token (else env TOKENCTL_TOKEN, else the profile\'s)' 'PEM certificate of a private CA to trust for an https --host (env: TOKENCTL_CA_CERT)' 'How long to wait for a --host to connect and answer (default: 10s)'
        case 'tokenctl auth retire'
            set -g __tokenctl_subs
            set -g __tokenctl_subs_help
            set -g __tokenctl_cmds
            set -g __tokenctl_flags '--secret-stdin' '--json' '--hide-headers' '-h' '--help' '-V' '--version' '--skip-verify' '--debug'
            set -g __tokenctl_flags_help 'Retire the token of every secret in the text on stdin, instead of an id' 'Print JSON (stable field names) instead of a table' 'Leave out the table header (for scripts reading columns)' 'Show this help message and exit.' 'Show this help message and exit.' 'Print version information and exit.' 'Print version information and exit.' 'Don\'t check an https --host\'s certificate: for test set-ups only, never in production' 'Print stack traces of failures'
            set -g __tokenctl_vopts '--store' '--host' '--profile' '--token-file' '--ca-cert' '--timeout'
            set -g __tokenctl_vopts_help 'SQLite store file (env: TOKENCTL_STORE; default: $XDG_DATA_HOME/tokenctl/tokenctl.db)' 'URL of a remote tokenctl serve, e.g. http://127.0.0.1:8086 (env: TOKENCTL_HOST)' 'Profile to use instead of the active one (env: TOKENCTL_PROFILE)' 'File holding the operator token (else env TOKENCTL_TOKEN, else the profile\'s)' 'PEM certificate of a private CA to trust for an https --host (env: TOKENCTL_CA_CERT)' 'How long to wait for a --host to connect and answer (default: 10s)'
        case 'tokenctl auth delete'
            set -g __tokenctl_subs
            set -g __tokenctl_subs_help
            set -g __tokenctl_cmds
            set -g __tokenctl_flags '-y' '--yes' '-h' '--help' '-V' '--version' '--skip-verify' '--debug'
            set -g __tokenctl_flags_help 'Don\'t ask: go ahead (needed without a terminal, e.g. in a script)' 'Don\'t ask: go ahead (needed without a terminal, e.g. in a script)' 'Show this help message and exit.' 'Show this help message and exit.' 'Print version information and exit.' 'Print version information and exit.' 'Don\'t check an https --host\'s certificate: for test set-ups only, never in production' 'Print stack traces of failures'
            set -g __tokenctl_vopts '--store' '--host' '--profile' '--token-file' '--ca-cert' '--timeout'
            set -g __tokenctl_vopts_help 'SQLite store file (env: TOKENCTL_STORE; default: $XDG_DATA_HOME/tokenctl/tokenctl.db)' 'URL of a remote tokenctl serve, e.g. http://127.0.0.1:8086 (env: TOKENCTL_HOST)' 'Profile to use instead of the active one (env: TOKENCTL_PROFILE)' 'File holding the operator token (else env TOKENCTL_TOKEN, else the profile\'s)' 'PEM certificate of a private CA to trust for an https --host (env: TOKENCTL_CA_CERT)' 'How long to wait for a --host to connect and answer (default: 10s)'
        case 'tokenctl auth regenerate'
            set -g __tokenctl_subs
            set -g __tokenctl_subs_help
            set -g __tokenctl_cmds
            set -g __tokenctl_flags '--json' '--hide-headers' '--revoke-on-reuse' '-q' '--quiet' '-h' '--help' '-V' '--version' '--skip-verify' '--debug'
            set -g __tokenctl_flags_help 'Print JSON (stable field names) instead of a table' 'Leave out the table header (for scripts reading columns)' 'Retire the whole token if an old secret is presented after its window (likely leaked)' 'Print only the new secret' 'Print only the new secret' 'Show this help message and exit.' 'Show this help message and exit.' 'Print version information and exit.' 'Print version information and exit.' 'Don\'t check an https --host\'s certificate: for test set-ups only, never in production' 'Print stack traces of failures'
            set -g __tokenctl_vopts '--grace' '--old-expires' '--store' '--host' '--profile' '--token-file' '--ca-cert' '--timeout'
            set -g __tokenctl_vopts_help 'Keep the old secret working this long (e.g. 24h)' 'Keep the old secret working until this ISO-8601 time' 'SQLite store file (env: TOKENCTL_STORE; default: $XDG_DATA_HOME/tokenctl/tokenctl.db)' 'URL of a remote tokenctl serve, e.g. http://127.0.0.1:8086 (env: TOKENCTL_HOST)' 'Profile to use instead of the active one (env: TOKENCTL_PROFILE)' 'File holding the operator token (else env TOKENCTL_TOKEN, else the profile\'s)' 'PEM certificate of a private CA to trust for an https --host (env: TOKENCTL_CA_CERT)' 'How long to wait for a --host to connect and answer (default: 10s)'
        case 'tokenctl auth clone'
            set -g __tokenctl_subs
            set -g __tokenctl_subs_help
            set -g __tokenctl_cmds
            set -g __tokenctl_flags '--all-access' '-q' '--quiet' '--json' '--hide-headers' '-h' '--help' '-V' '--version' '--skip-verify' '--debug' '--read-authorizations' '--write-authorizations' '--read-buckets' '--write-buckets' '--read-dashboards' '--write-dashboards' '--read-orgs' '--write-orgs' '--read-tasks' '--write-tasks' '--read-telegrafs' '--write-telegrafs' '--read-users' '--write-users' '--read-variables' '--write-variables' '--read-secrets' '--write-secrets' '--read-labels' '--write-labels' '--read-views' '--write-views' '--read-documents' '--write-documents' '--read-notificationRules' '--write-notificationRules' '--read-notificationEndpoints' '--write-notificationEndpoints' '--read-checks' '--write-checks' '--read-dbrps' '--write-dbrps' '--read-annotations' '--write-annotations' '--read-remotes' '--write-remotes' '--read-replications' '--write-replications'
            set -g __tokenctl_flags_help 'Every permission in the org instead of the original\'s' 'Print only the secret' 'Print only the secret' 'Print JSON (stable field names) instead of a table' 'Leave out the table header (for scripts reading columns)' 'Show this help message and exit.' 'Show this help message and exit.' 'Print version information and exit.' 'Print version information and exit.' 'Don\'t check an https --host\'s certificate: for test set-ups only, never in production' 'Print stack traces of failures' 'Read access to all authorizations' 'Write access to all authorizations' 'Read access to all buckets' 'Write access to all buckets' 'Read access to all dashboards' 'Write access to all dashboards' 'Read access to all orgs' 'Write access to all orgs' 'Read access to all tasks' 'Write access to all tasks' 'Read access to all telegrafs' 'Write access to all telegrafs' 'Read access to all users' 'Write access to all users' 'Read access to all variables' 'Write access to all variables' 'Read access to all secrets' 'Write access to all secrets' 'Read access to all labels' 'Write access to all labels' 'Read access to all views' 'Write access to all views' 'Read access to all documents' 'Write access to all documents' 'Read access to all notificationRules' 'Write access to all notificationRules' 'Read access to all notificationEndpoints' 'Write access to all notificationEndpoints' 'Read access to all checks' 'Write access to all checks' 'Read access to all dbrp' 'Write access to all dbrp' 'Read access to all annotations' 'Write access to all annotations' 'Read access to all remotes' 'Write access to all remotes' 'Read access to all replications' 'Write access to all replications'
            set -g __tokenctl_vopts '--description' '--store' '--host' '--profile' '--token-file' '--ca-cert' '--timeout' '--read-authorization' '--write-authorization' '--read-bucket' '--write-bucket' '--read-dashboard' '--write-dashboard' '--read-org' '--write-org' '--read-task' '--write-task' '--read-telegraf' '--write-telegraf' '--read-user' '--write-user' '--read-variable' '--write-variable' '--read-secret' '--write-secret' '--read-label' '--write-label' '--read-view' '--write-view' '--read-document' '--write-document' '--read-notificationRule' '--write-notificationRule' '--read-notificationEndpoint' '--write-notificationEndpoint' '--read-check' '--write-check' '--read-dbrp' '--write-dbrp' '--read-annotation' '--write-annotation' '--read-remote' '--write-remote' '--read-replication' '--write-replication'
            set -g __tokenctl_vopts_help 'Description of the new token' 'SQLite store file (env: TOKENCTL_STORE; default: $XDG_DATA_HOME/tokenctl/tokenctl.db)' 'URL of a remote tokenctl serve, e.g. http://127.0.0.1:8086 (env: TOKENCTL_HOST)' 'Profile to use instead of the active one (env: TOKENCTL_PROFILE)' 'File holding the operator token (else env TOKENCTL_TOKEN, else the profile\'s)' 'PEM certificate of a private CA to trust for an https --host (env: TOKENCTL_CA_CERT)' 'How long to wait for a --host to connect and answer (default: 10s)' 'Read access to one of the authorizations by id (repeatable)' 'Write access to one of the authorizations by id (repeatable)' 'Read access to one of the buckets by id (repeatable)' 'Write access to one of the buckets by id (repeatable)' 'Read access to one of the dashboards by id (repeatable)' 'Write access to one of the dashboards by id (repeatable)' 'Read access to one of the orgs by id (repeatable)' 'Write access to one of the orgs by id (repeatable)' 'Read access to one of the tasks by id (repeatable)' 'Write access to one of the tasks by id (repeatable)' 'Read access to one of the telegrafs by id (repeatable)' 'Write access to one of the telegrafs by id (repeatable)' 'Read access to one of the users by id (repeatable)' 'Write access to one of the users by id (repeatable)' 'Read access to one of the variables by id (repeatable)' 'Write access to one of the variables by id (repeatable)' 'Read access to one of the secrets by id (repeatable)' 'Write access to one of the secrets by id (repeatable)' 'Read access to one of the labels by id (repeatable)' 'Write access to one of the labels by id (repeatable)' 'Read access to one of the views by id (repeatable)' 'Write access to one of the views by id (repeatable)' 'Read access to one of the documents by id (repeatable)' 'Write access to one of the documents by id (repeatable)' 'Read access to one of the notificationRules by id (repeatable)' 'Write access to one of the notificationRules by id (repeatable)' 'Read access to one of the notificationEndpoints by id (repeatable)' 'Write access to one of the notificationEndpoints by id (repeatable)' 'Read access to one of the checks by id (repeatable)' 'Write access to one of the checks by id (repeatable)' 'Read access to one of the dbrp by id (repeatable)' 'Write access to one of the dbrp by id (repeatable)' 'Read access to one of the annotations by id (repeatable)' 'Write access to one of the annotations by id (repeatable)' 'Read access to one of the remotes by id (repeatable)' 'Write access to one of the remotes by id (repeatable)' 'Read access to one of the replications by id (repeatable)' 'Write access to one of the replications by id (repeatable)'
        case 'tokenctl auth promote'
            set -g __tokenctl_subs
            set -g __tokenctl_subs_help
            set -g __tokenctl_cmds
            set -g __tokenctl_flags '--json' '--hide-headers' '-h' '--help' '-V' '--version' '--skip-verify' '--debug'
            set -g __tokenctl_flags_help 'Print JSON (stable field names) instead of a table' 'Leave out the table header (for scripts reading columns)' 'Show this help message and exit.' 'Show this help message and exit.' 'Print version information and exit.' 'Print version information and exit.' 'Don\'t check an https --host\'s certificate: for test set-ups only, never in production' 'Print stack traces of failures'
            set -g __tokenctl_vopts '--store' '--host' '--profile' '--token-file' '--ca-cert' '--timeout'
            set -g __tokenctl_vopts_help 'SQLite store file (env: TOKENCTL_STORE; default: $XDG_DATA_HOME/tokenctl/tokenctl.db)' 'URL of a remote tokenctl serve, e.g. http://127.0.0.1:8086 (env: TOKENCTL_HOST)' 'Profile to use instead of the active one (env: TOKENCTL_PROFILE)' 'File holding the operator token (else env TOKENCTL_TOKEN, else the profile\'s)' 'PEM certificate of a private CA to trust for an https --host (env: TOKENCTL_CA_CERT)' 'How long to wait for a --host to connect and answer (default: 10s)'
        case 'tokenctl auth revoke-org'
            set -g __tokenctl_subs
            set -g __tokenctl_subs_help
            set -g __tokenctl_cmds
            set -g __tokenctl_flags '--json' '--hide-headers' '-h' '--help' '-V' '--version' '--skip-verify' '--debug'
            set -g __tokenctl_flags_help 'Print JSON (stable field names) instead of a table' 'Leave out the table header (for scripts reading columns)' 'Show this help message and exit.' 'Show this help message and exit.' 'Print version information and exit.' 'Print version information and exit.' 'Don\'t check an https --host\'s certificate: for test set-ups only, never in production' 'Print stack traces of failures'
            set -g __tokenctl_vopts '--org' '--store' '--host' '--profile' '--token-file' '--ca-cert' '--timeout'
            set -g __tokenctl_vopts_help 'The org to cut out (you are its admin)' 'SQLite store file (env: TOKENCTL_STORE; default: $XDG_DATA_HOME/tokenctl/tokenctl.db)' 'URL of a remote tokenctl serve, e.g. http://127.0.0.1:8086 (env: TOKENCTL_HOST)' 'Profile to use instead of the active one (env: TOKENCTL_PROFILE)' 'File holding the operator token (else env TOKENCTL_TOKEN, else the profile\'s)' 'PEM certificate of a private CA to trust for an https --host (env: TOKENCTL_CA_CERT)' 'How long to wait for a --host to connect and answer (default: 10s)'
        case 'tokenctl auth verify'
            set -g __tokenctl_subs
            set -g __tokenctl_subs_help
            set -g __tokenctl_cmds
            set -g __tokenctl_flags '--offline' '-q' '--quiet' '-h' '--help' '-V' '--version' '--skip-verify' '--debug'
            set -g __tokenctl_flags_help 'Check a JWT\'s signature and expiry against --jwks only (no store)' 'Print nothing; the exit code is the answer' 'Print nothing; the exit code is the answer' 'Show this help message and exit.' 'Show this help message and exit.' 'Print version information and exit.' 'Print version information and exit.' 'Don\'t check an https --host\'s certificate: for test set-ups only, never in production' 'Print stack traces of failures'
            set -g __tokenctl_vopts '--app' '--ip' '--require' '--org' '--jwks' '--store' '--host' '--profile' '--token-file' '--ca-cert' '--timeout'
            set -g __tokenctl_vopts_help 'Name of the app presenting the token' 'Client address, checked against --allow-ip networks' 'A permission the use needs, e.g. read:buckets or write:buckets/0a1b2c (repeatable)' 'Org the use is in (name or id); permissions are judged there (default: the token\'s home org)' 'JWKS file for --offline (from `tokenctl org keys jwks`)' 'SQLite store file (env: TOKENCTL_STORE; default: $XDG_DATA_HOME/tokenctl/tokenctl.db)' 'URL of a remote tokenctl serve, e.g. http://127.0.0.1:8086 (env: TOKENCTL_HOST)' 'Profile to use instead of the active one (env: TOKENCTL_PROFILE)' 'File holding the operator token (else env TOKENCTL_TOKEN, else the profile\'s)' 'PEM certificate of a private CA to trust for an https --host (env: TOKENCTL_CA_CERT)' 'How long to wait for a --host to connect and answer (default: 10s)'
        case 'tokenctl auth find'
            set -g __tokenctl_subs
            set -g __tokenctl_subs_help
            set -g __tokenctl_cmds
            set -g __tokenctl_flags '--json' '--hide-headers' '-h' '--help' '-V' '--version' '--skip-verify' '--debug'
            set -g __tokenctl_flags_help 'Print JSON (stable field names) instead of a table' 'Leave out the table header (for scripts reading columns)' 'Show this help message and exit.' 'Show this help message and exit.' 'Print version information and exit.' 'Print version information and exit.' 'Don\'t check an https --host\'s certificate: for test set-ups only, never in production' 'Print stack traces of failures'
            set -g __tokenctl_vopts '--store' '--host' '--profile' '--token-file' '--ca-cert' '--timeout'
            set -g __tokenctl_vopts_help 'SQLite store file (env: TOKENCTL_STORE; default: $XDG_DATA_HOME/tokenctl/tokenctl.db)' 'URL of a remote tokenctl serve, e.g. http://127.0.0.1:8086 (env: TOKENCTL_HOST)' 'Profile to use instead of the active one (env: TOKENCTL_PROFILE)' 'File holding the operator token (else env TOKENCTL_TOKEN, else the profile\'s)' 'PEM certificate of a private CA to trust for an https --host (env: TOKENCTL_CA_CERT)' 'How long to wait for a --host to connect and answer (default: 10s)'
        case 'tokenctl auth apps'
            set -g __tokenctl_subs
            set -g __tokenctl_subs_help
            set -g __tokenctl_cmds
            set -g __tokenctl_flags '--json' '--hide-headers' '-h' '--help' '-V' '--version' '--skip-verify' '--debug'
            set -g __tokenctl_flags_help 'Print JSON (stable field names) instead of a table' 'Leave out the table header (for scripts reading columns)' 'Show this help message and exit.' 'Show this help message and exit.' 'Print version information and exit.' 'Print version information and exit.' 'Don\'t check an https --host\'s certificate: for test set-ups only, never in production' 'Print stack traces of failures'
            set -g __tokenctl_vopts '--store' '--host' '--profile' '--token-file' '--ca-cert' '--timeout'
            set -g __tokenctl_vopts_help 'SQLite store file (env: TOKENCTL_STORE; default: $XDG_DATA_HOME/tokenctl/tokenctl.db)' 'URL of a remote tokenctl serve, e.g. http://127.0.0.1:8086 (env: TOKENCTL_HOST)' 'Profile to use instead of the active one (env: TOKENCTL_PROFILE)' 'File holding the operator token (else env TOKENCTL_TOKEN, else the profile\'s)' 'PEM certificate of a private CA to trust for an https --host (env: TOKENCTL_CA_CERT)' 'How long to wait for a --host to connect and answer (default: 10s)'
        case 'tokenctl auth approve-app'
            set -g __tokenctl_subs
            set -g __tokenctl_subs_help
            set -g __tokenctl_cmds
            set -g __tokenctl_flags '--json' '--hide-headers' '-h' '--help' '-V' '--version' '--skip-verify' '--debug'
            set -g __tokenctl_flags_help 'Print JSON (stable field names) instead of a table' 'Leave out the table header (for scripts reading columns)' 'Show this help message and exit.' 'Show this help message and exit.' 'Print version information and exit.' 'Print version information and exit.' 'Don\'t check an https --host\'s certificate: for test set-ups only, never in production' 'Print stack traces of failures'
            set -g __tokenctl_vopts '--store' '--host' '--profile' '--token-file' '--ca-cert' '--timeout'
            set -g __tokenctl_vopts_help 'SQLite store file (env: TOKENCTL_STORE; default: $XDG_DATA_HOME/tokenctl/tokenctl.db)' 'URL of a remote tokenctl serve, e.g. http://127.0.0.1:8086 (env: TOKENCTL_HOST)' 'Profile to use instead of the active one (env: TOKENCTL_PROFILE)' 'File holding the operator token (else env TOKENCTL_TOKEN, else the profile\'s)' 'PEM certificate of a private CA to trust for an https --host (env: TOKENCTL_CA_CERT)' 'How long to wait for a --host to connect and answer (default: 10s)'
        case 'tokenctl auth deny-app'
            set -g __tokenctl_subs
            set -g __tokenctl_subs_help
            set -g __tokenctl_cmds
            set -g __tokenctl_flags '--json' '--hide-headers' '-h' '--help' '-V' '--version' '--skip-verify' '--debug'
            set -g __tokenctl_flags_help 'Print JSON (stable field names) instead of a table' 'Leave out the table header (for scripts reading columns)' 'Show this help message and exit.' 'Show this help message and exit.' 'Print version information and exit.' 'Print version information and exit.' 'Don\'t check an https --host\'s certificate: for test set-ups only, never in production' 'Print stack traces of failures'
            set -g __tokenctl_vopts '--store' '--host' '--profile' '--token-file' '--ca-cert' '--timeout'
            set -g __tokenctl_vopts_help 'SQLite store file (env: TOKENCTL_STORE; default: $XDG_DATA_HOME/tokenctl/tokenctl.db)' 'URL of a remote tokenctl serve, e.g. http://127.0.0.1:8086 (env: TOKENCTL_HOST)' 'Profile to use instead of the active one (env: TOKENCTL_PROFILE)' 'File holding the operator token (else env TOKENCTL_TOKEN, else the profile\'s)' 'PEM certificate of a private CA to trust for an https --host (env: TOKENCTL_CA_CERT)' 'How long to wait for a --host to connect and answer (default: 10s)'
        case 'tokenctl user'
            set -g __tokenctl_subs 'create' 'list' 'delete'
            set -g __tokenctl_subs_help 'Create a user in an org with a role, or add an existing user to another org.' 'List the users of the orgs the operator token works in, with their roles.' 'Delete a user: every user token they own is retired at once (account tokens stay).'
            set -g __tokenctl_cmds 'create' 'list' 'ls' 'delete' 'rm'
            set -g __tokenctl_flags '-h' '--help' '-V' '--version' '--skip-verify' '--debug'
            set -g __tokenctl_flags_help 'Show this help message and exit.' 'Show this help message and exit.' 'Print version information and exit.' 'Print version information and exit.' 'Don\'t check an https --host\'s certificate: for test set-ups only, never in production' 'Print stack traces of failures'
            set -g __tokenctl_vopts '--store' '--host' '--profile' '--token-file' '--ca-cert' '--timeout'
            set -g __tokenctl_vopts_help 'SQLite store file (env: TOKENCTL_STORE; default: $XDG_DATA_HOME/tokenctl/tokenctl.db)' 'URL of a remote tokenctl serve, e.g. http://127.0.0.1:8086 (env: TOKENCTL_HOST)' 'Profile to use instead of the active one (env: TOKENCTL_PROFILE)' 'File holding the operator token (else env TOKENCTL_TOKEN, else the profile\'s)' 'PEM certificate of a private CA to trust for an https --host (env: TOKENCTL_CA_CERT)' 'How long to wait for a --host to connect and answer (default: 10s)'
        case 'tokenctl user create'
            set -g __tokenctl_subs
            set -g __tokenctl_subs_help
            set -g __tokenctl_cmds
            set -g __tokenctl_flags '--json' '--hide-headers' '-h' '--help' '-V' '--version' '--skip-verify' '--debug'
            set -g __tokenctl_flags_help 'Print JSON (stable field names) instead of a table' 'Leave out the table header (for scripts reading columns)' 'Show this help message and exit.' 'Show this help message and exit.' 'Print version information and exit.' 'Print version information and exit.' 'Don\'t check an https --host\'s certificate: for test set-ups only, never in production' 'Print stack traces of failures'
            set -g __tokenctl_vopts '--org' '--role' '--store' '--host' '--profile' '--token-file' '--ca-cert' '--timeout'
            set -g __tokenctl_vopts_help 'Org to add the user to (default: TOKENCTL_ORG, else the profile\'s org, else the operator token\'s)' 'admin, normal or read-only (default: normal)' 'SQLite store file (env: TOKENCTL_STORE; default: $XDG_DATA_HOME/tokenctl/tokenctl.db)' 'URL of a remote tokenctl serve, e.g. http://127.0.0.1:8086 (env: TOKENCTL_HOST)' 'Profile to use instead of the active one (env: TOKENCTL_PROFILE)' 'File holding the operator token (else env TOKENCTL_TOKEN, else the profile\'s)' 'PEM certificate of a private CA to trust for an https --host (env: TOKENCTL_CA_CERT)' 'How long to wait for a --host to connect and answer (default: 10s)'
        case 'tokenctl user list' 'tokenctl user ls'
            set -g __tokenctl_subs
            set -g __tokenctl_subs_help
            set -g __tokenctl_cmds
            set -g __tokenctl_flags '--json' '--hide-headers' '-h' '--help' '-V' '--version' '--skip-verify' '--debug'
            set -g __tokenctl_flags_help 'Print JSON (stable field names) instead of a table' 'Leave out the table header (for scripts reading columns)' 'Show this help message and exit.' 'Show this help message and exit.' 'Print version information and exit.' 'Print version information and exit.' 'Don\'t check an https --host\'s certificate: for test set-ups only, never in production' 'Print stack traces of failures'
            set -g __tokenctl_vopts '--org' '--store' '--host' '--profile' '--token-file' '--ca-cert' '--timeout'
            set -g __tokenctl_vopts_help 'Only this org' 'SQLite store file (env: TOKENCTL_STORE; default: $XDG_DATA_HOME/tokenctl/tokenctl.db)' 'URL of a remote tokenctl serve, e.g. http://127.0.0.1:8086 (env: TOKENCTL_HOST)' 'Profile to use instead of the active one (env: TOKENCTL_PROFILE)' 'File holding the operator token (else env TOKENCTL_TOKEN, else the profile\'s)' 'PEM certificate of a private CA to trust for an https --host (env: TOKENCTL_CA_CERT)' 'How long to wait for a --host to connect and answer (default: 10s)'
        case 'tokenctl user delete' 'tokenctl user rm'
            set -g __tokenctl_subs
            set -g __tokenctl_subs_help
            set -g __tokenctl_cmds
            set -g __tokenctl_flags '-y' '--yes' '--json' '--hide-headers' '-h' '--help' '-V' '--version' '--skip-verify' '--debug'
            set -g __tokenctl_flags_help 'Don\'t ask: go ahead (needed without a terminal, e.g. in a script)' 'Don\'t ask: go ahead (needed without a terminal, e.g. in a script)' 'Print JSON (stable field names) instead of a table' 'Leave out the table header (for scripts reading columns)' 'Show this help message and exit.' 'Show this help message and exit.' 'Print version information and exit.' 'Print version information and exit.' 'Don\'t check an https --host\'s certificate: for test set-ups only, never in production' 'Print stack traces of failures'
            set -g __tokenctl_vopts '--org' '--store' '--host' '--profile' '--token-file' '--ca-cert' '--timeout'
            set -g __tokenctl_vopts_help 'Only remove the user from this org' 'SQLite store file (env: TOKENCTL_STORE; default: $XDG_DATA_HOME/tokenctl/tokenctl.db)' 'URL of a remote tokenctl serve, e.g. http://127.0.0.1:8086 (env: TOKENCTL_HOST)' 'Profile to use instead of the active one (env: TOKENCTL_PROFILE)' 'File holding the operator token (else env TOKENCTL_TOKEN, else the profile\'s)' 'PEM certificate of a private CA to trust for an https --host (env: TOKENCTL_CA_CERT)' 'How long to wait for a --host to connect and answer (default: 10s)'
        case 'tokenctl org'
            set -g __tokenctl_subs 'create' 'list' 'keys'
            set -g __tokenctl_subs_help 'Create an org; you become its admin (needs write:orgs, i.e. an org admin\'s token).' 'List the orgs the operator token works in, with your role in each.' 'An org\'s Ed25519 signing keys for JWT tokens: the newest signs, every present key verifies.'
            set -g __tokenctl_cmds 'create' 'list' 'ls' 'keys'
            set -g __tokenctl_flags '-h' '--help' '-V' '--version' '--skip-verify' '--debug'
            set -g __tokenctl_flags_help 'Show this help message and exit.' 'Show this help message and exit.' 'Print version information and exit.' 'Print version information and exit.' 'Don\'t check an https --host\'s certificate: for test set-ups only, never in production' 'Print stack traces of failures'
            set -g __tokenctl_vopts '--store' '--host' '--profile' '--token-file' '--ca-cert' '--timeout'
            set -g __tokenctl_vopts_help 'SQLite store file (env: TOKENCTL_STORE; default: $XDG_DATA_HOME/tokenctl/tokenctl.db)' 'URL of a remote tokenctl serve, e.g. http://127.0.0.1:8086 (env: TOKENCTL_HOST)' 'Profile to use instead of the active one (env: TOKENCTL_PROFILE)' 'File holding the operator token (else env TOKENCTL_TOKEN, else the profile\'s)' 'PEM certificate of a private CA to trust for an https --host (env: TOKENCTL_CA_CERT)' 'How long to wait for a --host to connect and answer (default: 10s)'
        case 'tokenctl org create'
            set -g __tokenctl_subs
            set -g __tokenctl_subs_help
            set -g __tokenctl_cmds
            set -g __tokenctl_flags '--json' '--hide-headers' '-h' '--help' '-V' '--version' '--skip-verify' '--debug'
            set -g __tokenctl_flags_help 'Print JSON (stable field names) instead of a table' 'Leave out the table header (for scripts reading columns)' 'Show this help message and exit.' 'Show this help message and exit.' 'Print version information and exit.' 'Print version information and exit.' 'Don\'t check an https --host\'s certificate: for test set-ups only, never in production' 'Print stack traces of failures'
            set -g __tokenctl_vopts '--store' '--host' '--profile' '--token-file' '--ca-cert' '--timeout'
            set -g __tokenctl_vopts_help 'SQLite store file (env: TOKENCTL_STORE; default: $XDG_DATA_HOME/tokenctl/tokenctl.db)' 'URL of a remote tokenctl serve, e.g. http://127.0.0.1:8086 (env: TOKENCTL_HOST)' 'Profile to use instead of the active one (env: TOKENCTL_PROFILE)' 'File holding the operator token (else env TOKENCTL_TOKEN, else the profile\'s)' 'PEM certificate of a private CA to trust for an https --host (env: TOKENCTL_CA_CERT)' 'How long to wait for a --host to connect and answer (default: 10s)'
        case 'tokenctl org list' 'tokenctl org ls'
            set -g __tokenctl_subs
            set -g __tokenctl_subs_help
            set -g __tokenctl_cmds
            set -g __tokenctl_flags '--json' '--hide-headers' '-h' '--help' '-V' '--version' '--skip-verify' '--debug'
            set -g __tokenctl_flags_help 'Print JSON (stable field names) instead of a table' 'Leave out the table header (for scripts reading columns)' 'Show this help message and exit.' 'Show this help message and exit.' 'Print version information and exit.' 'Print version information and exit.' 'Don\'t check an https --host\'s certificate: for test set-ups only, never in production' 'Print stack traces of failures'
            set -g __tokenctl_vopts '--store' '--host' '--profile' '--token-file' '--ca-cert' '--timeout'
            set -g __tokenctl_vopts_help 'SQLite store file (env: TOKENCTL_STORE; default: $XDG_DATA_HOME/tokenctl/tokenctl.db)' 'URL of a remote tokenctl serve, e.g. http://127.0.0.1:8086 (env: TOKENCTL_HOST)' 'Profile to use instead of the active one (env: TOKENCTL_PROFILE)' 'File holding the operator token (else env TOKENCTL_TOKEN, else the profile\'s)' 'PEM certificate of a private CA to trust for an https --host (env: TOKENCTL_CA_CERT)' 'How long to wait for a --host to connect and answer (default: 10s)'
        case 'tokenctl org keys'
            set -g __tokenctl_subs 'rotate' 'jwks' 'remove'
            set -g __tokenctl_subs_help 'Add a new signing key; older keys keep verifying until removed (admins only).' 'Print the org\'s public keys as a JWKS, for `auth verify --offline --jwks`.' 'Remove a signing key: JWT tokens it signed stop verifying (admins only).'
            set -g __tokenctl_cmds 'rotate' 'jwks' 'remove'
            set -g __tokenctl_flags '-h' '--help' '-V' '--version' '--skip-verify' '--debug'
            set -g __tokenctl_flags_help 'Show this help message and exit.' 'Show this help message and exit.' 'Print version information and exit.' 'Print version information and exit.' 'Don\'t check an https --host\'s certificate: for test set-ups only, never in production' 'Print stack traces of failures'
            set -g __tokenctl_vopts '--store' '--host' '--profile' '--token-file' '--ca-cert' '--timeout'
            set -g __tokenctl_vopts_help 'SQLite store file (env: TOKENCTL_STORE; default: $XDG_DATA_HOME/tokenctl/tokenctl.db)' 'URL of a remote tokenctl serve, e.g. http://127.0.0.1:8086 (env: TOKENCTL_HOST)' 'Profile to use instead of the active one (env: TOKENCTL_PROFILE)' 'File holding the operator token (else env TOKENCTL_TOKEN, else the profile\'s)' 'PEM certificate of a private CA to trust for an https --host (env: TOKENCTL_CA_CERT)' 'How long to wait for a --host to connect and answer (default: 10s)'
        case 'tokenctl org keys rotate'
            set -g __tokenctl_subs
            set -g __tokenctl_subs_help
            set -g __tokenctl_cmds
            set -g __tokenctl_flags '-h' '--help' '-V' '--version' '--skip-verify' '--debug'
            set -g __tokenctl_flags_help 'Show this help message and exit.' 'Show this help message and exit.' 'Print version information and exit.' 'Print version information and exit.' 'Don\'t check an https --host\'s certificate: for test set-ups only, never in production' 'Print stack traces of failures'
            set -g __tokenctl_vopts '--store' '--host' '--profile' '--token-file' '--ca-cert' '--timeout'
            set -g __tokenctl_vopts_help 'SQLite store file (env: TOKENCTL_STORE; default: $XDG_DATA_HOME/tokenctl/tokenctl.db)' 'URL of a remote tokenctl serve, e.g. http://127.0.0.1:8086 (env: TOKENCTL_HOST)' 'Profile to use instead of the active one (env: TOKENCTL_PROFILE)' 'File holding the operator token (else env TOKENCTL_TOKEN, else the profile\'s)' 'PEM certificate of a private CA to trust for an https --host (env: TOKENCTL_CA_CERT)' 'How long to wait for a --host to connect and answer (default: 10s)'
        case 'tokenctl org keys jwks'
            set -g __tokenctl_subs
            set -g __tokenctl_subs_help
            set -g __tokenctl_cmds
            set -g __tokenctl_flags '-h' '--help' '-V' '--version' '--skip-verify' '--debug'
            set -g __tokenctl_flags_help 'Show this help message and exit.' 'Show this help message and exit.' 'Print version information and exit.' 'Print version information and exit.' 'Don\'t check an https --host\'s certificate: for test set-ups only, never in production' 'Print stack traces of failures'
            set -g __tokenctl_vopts '--store' '--host' '--profile' '--token-file' '--ca-cert' '--timeout'
            set -g __tokenctl_vopts_help 'SQLite store file (env: TOKENCTL_STORE; default: $XDG_DATA_HOME/tokenctl/tokenctl.db)' 'URL of a remote tokenctl serve, e.g. http://127.0.0.1:8086 (env: TOKENCTL_HOST)' 'Profile to use instead of the active one (env: TOKENCTL_PROFILE)' 'File holding the operator token (else env TOKENCTL_TOKEN, else the profile\'s)' 'PEM certificate of a private CA to trust for an https --host (env: TOKENCTL_CA_CERT)' 'How long to wait for a --host to connect and answer (default: 10s)'
        case 'tokenctl org keys remove'
            set -g __tokenctl_subs
            set -g __tokenctl_subs_help
            set -g __tokenctl_cmds
            set -g __tokenctl_flags '-y' '--yes' '-h' '--help' '-V' '--version' '--skip-verify' '--debug'
            set -g __tokenctl_flags_help 'Don\'t ask: go ahead (needed without a terminal, e.g. in a script)' 'Don\'t ask: go ahead (needed without a terminal, e.g. in a script)' 'Show this help message and exit.' 'Show this help message and exit.' 'Print version information and exit.' 'Print version information and exit.' 'Don\'t check an https --host\'s certificate: for test set-ups only, never in production' 'Print stack traces of failures'
            set -g __tokenctl_vopts '--store' '--host' '--profile' '--token-file' '--ca-cert' '--timeout'
            set -g __tokenctl_vopts_help 'SQLite store file (env: TOKENCTL_STORE; default: $XDG_DATA_HOME/tokenctl/tokenctl.db)' 'URL of a remote tokenctl serve, e.g. http://127.0.0.1:8086 (env: TOKENCTL_HOST)' 'Profile to use instead of the active one (env: TOKENCTL_PROFILE)' 'File holding the operator token (else env TOKENCTL_TOKEN, else the profile\'s)' 'PEM certificate of a private CA to trust for an https --host (env: TOKENCTL_CA_CERT)' 'How long to wait for a --host to connect and answer (default: 10s)'
        case 'tokenctl audit'
            set -g __tokenctl_subs 'list'
            set -g __tokenctl_subs_help 'List audit events, oldest first (--reverse: newest first), a page at a time (100 by default; stderr says "showing 100 of N events" and the next --after when more follow; --all for every one).'
            set -g __tokenctl_cmds 'list' 'ls'
            set -g __tokenctl_flags '-h' '--help' '-V' '--version' '--skip-verify' '--debug'
            set -g __tokenctl_flags_help 'Show this help message and exit.' 'Show this help message and exit.' 'Print version information and exit.' 'Print version information and exit.' 'Don\'t check an https --host\'s certificate: for test set-ups only, never in production' 'Print stack traces of failures'
            set -g __tokenctl_vopts '--store' '--host' '--profile' '--token-file' '--ca-cert' '--timeout'
            set -g __tokenctl_vopts_help 'SQLite store file (env: TOKENCTL_STORE; default: $XDG_DATA_HOME/tokenctl/tokenctl.db)' 'URL of a remote tokenctl serve, e.g. http://127.0.0.1:8086 (env: TOKENCTL_HOST)' 'Profile to use instead of the active one (env: TOKENCTL_PROFILE)' 'File holding the operator token (else env TOKENCTL_TOKEN, else the profile\'s)' 'PEM certificate of a private CA to trust for an https --host (env: TOKENCTL_CA_CERT)' 'How long to wait for a --host to connect and answer (default: 10s)'
        case 'tokenctl audit list' 'tokenctl audit ls'
            set -g __tokenctl_subs
            set -g __tokenctl_subs_help
            set -g __tokenctl_cmds
            set -g __tokenctl_flags '--json' '--hide-headers' '--all' '-r' '--reverse' '-f' '--follow' '-h' '--help' '-V' '--version' '--skip-verify' '--debug'
            set -g __tokenctl_flags_help 'Print JSON (stable field names) instead of a table' 'Leave out the table header (for scripts reading columns)' 'Every event, page after page (streamed: any number of events)' 'Newest first (then --after SEQ starts before SEQ)' 'Newest first (then --after SEQ starts before SEQ)' 'Keep printing events as they are written, as tail -f does (from --since or --after, else the last 10); with --json one object per line' 'Keep printing events as they are written, as tail -f does (from --since or --after, else the last 10); with --json one object per line' 'Show this help message and exit.' 'Show this help message and exit.' 'Print version information and exit.' 'Print version information and exit.' 'Don\'t check an https --host\'s certificate: for test set-ups only, never in production' 'Print stack traces of failures'
            set -g __tokenctl_vopts '--since' '--actor' '--target' '--limit' '--after' '--store' '--host' '--profile' '--token-file' '--ca-cert' '--timeout'
            set -g __tokenctl_vopts_help 'Only events at or after this: an ISO-8601 time, or a duration back from now (24h, 7d)' 'Only events by this user' 'Only events on this target (token id, user:NAME, org:NAME)' 'At most N events (default: 100, at most 10000)' 'Start after this event number (the next page)' 'SQLite store file (env: TOKENCTL_STORE; default: $XDG_DATA_HOME/tokenctl/tokenctl.db)' 'URL of a remote tokenctl serve, e.g. http://127.0.0.1:8086 (env: TOKENCTL_HOST)' 'Profile to use instead of the active one (env: TOKENCTL_PROFILE)' 'File holding the operator token (else env TOKENCTL_TOKEN, else the profile\'s)' 'PEM certificate of a private CA to trust for an https --host (env: TOKENCTL_CA_CERT)' 'How long to wait for a --host to connect and answer (default: 10s)'
        case 'tokenctl whoami'
            set -g __tokenctl_subs
            set -g __tokenctl_subs_help
            set -g __tokenctl_cmds
            set -g __tokenctl_flags '--json' '--hide-headers' '-h' '--help' '-V' '--version' '--skip-verify' '--debug'
            set -g __tokenctl_flags_help 'Print JSON (stable field names) instead of a table' 'Leave out the table header (for scripts reading columns)' 'Show this help message and exit.' 'Show this help message and exit.' 'Print version information and exit.' 'Print version information and exit.' 'Don\'t check an https --host\'s certificate: for test set-ups only, never in production' 'Print stack traces of failures'
            set -g __tokenctl_vopts '--store' '--host' '--profile' '--token-file' '--ca-cert' '--timeout'
            set -g __tokenctl_vopts_help 'SQLite store file (env: TOKENCTL_STORE; default: $XDG_DATA_HOME/tokenctl/tokenctl.db)' 'URL of a remote tokenctl serve, e.g. http://127.0.0.1:8086 (env: TOKENCTL_HOST)' 'Profile to use instead of the active one (env: TOKENCTL_PROFILE)' 'File holding the operator token (else env TOKENCTL_TOKEN, else the profile\'s)' 'PEM certificate of a private CA to trust for an https --host (env: TOKENCTL_CA_CERT)' 'How long to wait for a --host to connect and answer (default: 10s)'
        case 'tokenctl config'
            set -g __tokenctl_subs 'create' 'set' 'list' 'use' 'delete'
            set -g __tokenctl_subs_help 'Create a profile from --store or --host (with --ca-cert for a private CA), with the operator token from --token-file.' 'Change a profile in place: point it at another --store or --host (the other is cleared; a --ca-cert stays only with a host), or give it the operator token in --token-file.' 'List profiles; the active one is marked with *.' 'Make a profile the active one.' 'Delete a profile (and the operator token saved in it).'
            set -g __tokenctl_cmds 'create' 'set' 'list' 'ls' 'use' 'delete' 'rm'
            set -g __tokenctl_flags '-h' '--help' '-V' '--version' '--skip-verify' '--debug'
            set -g __tokenctl_flags_help 'Show this help message and exit.' 'Show this help message and exit.' 'Print version information and exit.' 'Print version information and exit.' 'Don\'t check an https --host\'s certificate: for test set-ups only, never in production' 'Print stack traces of failures'
            set -g __tokenctl_vopts '--store' '--host' '--profile' '--token-file' '--ca-cert' '--timeout'
            set -g __tokenctl_vopts_help 'SQLite store file (env: TOKENCTL_STORE; default: $XDG_DATA_HOME/tokenctl/tokenctl.db)' 'URL of a remote tokenctl serve, e.g. http://127.0.0.1:8086 (env: TOKENCTL_HOST)' 'Profile to use instead of the active one (env: TOKENCTL_PROFILE)' 'File holding the operator token (else env TOKENCTL_TOKEN, else the profile\'s)' 'PEM certificate of a private CA to trust for an https --host (env: TOKENCTL_CA_CERT)' 'How long to wait for a --host to connect and answer (default: 10s)'
        case 'tokenctl config create'
            set -g __tokenctl_subs
            set -g __tokenctl_subs_help
            set -g __tokenctl_cmds
            set -g __tokenctl_flags '--active' '-h' '--help' '-V' '--version' '--skip-verify' '--debug'
            set -g __tokenctl_flags_help 'Make it the active profile' 'Show this help message and exit.' 'Show this help message and exit.' 'Print version information and exit.' 'Print version information and exit.' 'Don\'t check an https --host\'s certificate: for test set-ups only, never in production' 'Print stack traces of failures'
            set -g __tokenctl_vopts '--org' '--store' '--host' '--profile' '--token-file' '--ca-cert' '--timeout'
            set -g __tokenctl_vopts_help 'The org auth create and user create use when given no --org (TOKENCTL_ORG overrides it)' 'SQLite store file (env: TOKENCTL_STORE; default: $XDG_DATA_HOME/tokenctl/tokenctl.db)' 'URL of a remote tokenctl serve, e.g. http://127.0.0.1:8086 (env: TOKENCTL_HOST)' 'Profile to use instead of the active one (env: TOKENCTL_PROFILE)' 'File holding the operator token (else env TOKENCTL_TOKEN, else the profile\'s)' 'PEM certificate of a private CA to trust for an https --host (env: TOKENCTL_CA_CERT)' 'How long to wait for a --host to connect and answer (default: 10s)'
        case 'tokenctl config set'
            set -g __tokenctl_subs
            set -g __tokenctl_subs_help
            set -g __tokenctl_cmds
            set -g __tokenctl_flags '-h' '--help' '-V' '--version' '--skip-verify' '--debug'
            set -g __tokenctl_flags_help 'Show this help message and exit.' 'Show this help message and exit.' 'Print version information and exit.' 'Print version information and exit.' 'Don\'t check an https --host\'s certificate: for test set-ups only, never in production' 'Print stack traces of failures'
            set -g __tokenctl_vopts '--org' '--store' '--host' '--profile' '--token-file' '--ca-cert' '--timeout'
            set -g __tokenctl_vopts_help 'The org auth create and user create use when given no --org; --org \'\' clears it' 'SQLite store file (env: TOKENCTL_STORE; default: $XDG_DATA_HOME/tokenctl/tokenctl.db)' 'URL of a remote tokenctl serve, e.g. http://127.0.0.1:8086 (env: TOKENCTL_HOST)' 'Profile to use instead of the active one (env: TOKENCTL_PROFILE)' 'File holding the operator token (else env TOKENCTL_TOKEN, else the profile\'s)' 'PEM certificate of a private CA to trust for an https --host (env: TOKENCTL_CA_CERT)' 'How long to wait for a --host to connect and answer (default: 10s)'
        case 'tokenctl config list' 'tokenctl config ls'
            set -g __tokenctl_subs
            set -g __tokenctl_subs_help
            set -g __tokenctl_cmds
            set -g __tokenctl_flags '--json' '--hide-headers' '-h' '--help' '-V' '--version' '--skip-verify' '--debug'
            set -g __tokenctl_flags_help 'Print JSON (stable field names) instead of a table' 'Leave out the table header (for scripts reading columns)' 'Show this help message and exit.' 'Show this help message and exit.' 'Print version information and exit.' 'Print version information and exit.' 'Don\'t check an https --host\'s certificate: for test set-ups only, never in production' 'Print stack traces of failures'
            set -g __tokenctl_vopts '--store' '--host' '--profile' '--token-file' '--ca-cert' '--timeout'
            set -g __tokenctl_vopts_help 'SQLite store file (env: TOKENCTL_STORE; default: $XDG_DATA_HOME/tokenctl/tokenctl.db)' 'URL of a remote tokenctl serve, e.g. http://127.0.0.1:8086 (env: TOKENCTL_HOST)' 'Profile to use instead of the active one (env: TOKENCTL_PROFILE)' 'File holding the operator token (else env TOKENCTL_TOKEN, else the profile\'s)' 'PEM certificate of a private CA to trust for an https --host (env: TOKENCTL_CA_CERT)' 'How long to wait for a --host to connect and answer (default: 10s)'
        case 'tokenctl config use'
            set -g __tokenctl_subs
            set -g __tokenctl_subs_help
            set -g __tokenctl_cmds
            set -g __tokenctl_flags '-h' '--help' '-V' '--version' '--skip-verify' '--debug'
            set -g __tokenctl_flags_help 'Show this help message and exit.' 'Show this help message and exit.' 'Print version information and exit.' 'Print version information and exit.' 'Don\'t check an https --host\'s certificate: for test set-ups only, never in production' 'Print stack traces of failures'
            set -g __tokenctl_vopts '--store' '--host' '--profile' '--token-file' '--ca-cert' '--timeout'
            set -g __tokenctl_vopts_help 'SQLite store file (env: TOKENCTL_STORE; default: $XDG_DATA_HOME/tokenctl/tokenctl.db)' 'URL of a remote tokenctl serve, e.g. http://127.0.0.1:8086 (env: TOKENCTL_HOST)' 'Profile to use instead of the active one (env: TOKENCTL_PROFILE)' 'File holding the operator token (else env TOKENCTL_TOKEN, else the profile\'s)' 'PEM certificate of a private CA to trust for an https --host (env: TOKENCTL_CA_CERT)' 'How long to wait for a --host to connect and answer (default: 10s)'
        case 'tokenctl config delete' 'tokenctl config rm'
            set -g __tokenctl_subs
            set -g __tokenctl_subs_help
            set -g __tokenctl_cmds
            set -g __tokenctl_flags '-y' '--yes' '-h' '--help' '-V' '--version' '--skip-verify' '--debug'
            set -g __tokenctl_flags_help 'Don\'t ask: go ahead (needed without a terminal, e.g. in a script)' 'Don\'t ask: go ahead (needed without a terminal, e.g. in a script)' 'Show this help message and exit.' 'Show this help message and exit.' 'Print version information and exit.' 'Print version information and exit.' 'Don\'t check an https --host\'s certificate: for test set-ups only, never in production' 'Print stack traces of failures'
            set -g __tokenctl_vopts '--store' '--host' '--profile' '--token-file' '--ca-cert' '--timeout'
            set -g __tokenctl_vopts_help 'SQLite store file (env: TOKENCTL_STORE; default: $XDG_DATA_HOME/tokenctl/tokenctl.db)' 'URL of a remote tokenctl serve, e.g. http://127.0.0.1:8086 (env: TOKENCTL_HOST)' 'Profile to use instead of the active one (env: TOKENCTL_PROFILE)' 'File holding the operator token (else env TOKENCTL_TOKEN, else the profile\'s)' 'PEM certificate of a private CA to trust for an https --host (env: TOKENCTL_CA_CERT)' 'How long to wait for a --host to connect and answer (default: 10s)'
        case 'tokenctl serve'
            set -g __tokenctl_subs
            set -g __tokenctl_subs_help
            set -g __tokenctl_cmds
            set -g __tokenctl_flags '-h' '--help' '-V' '--version' '--skip-verify' '--debug'
            set -g __tokenctl_flags_help 'Show this help message and exit.' 'Show this help message and exit.' 'Print version information and exit.' 'Print version information and exit.' 'Don\'t check an https --host\'s certificate: for test set-ups only, never in production' 'Print stack traces of failures'
            set -g __tokenctl_vopts '--listen' '--tls-cert' '--tls-key' '--tls-keystore' '--db-url' '--db-password-file' '--introspection-auth' '--trusted-proxy' '--store' '--host' '--profile' '--token-file' '--ca-cert' '--timeout'
            set -g __tokenctl_vopts_help 'Address to listen on (default: 127.0.0.1:8086; port 0 picks a free one; :PORT is every interface)' 'PEM certificate (chain) to serve HTTPS with' 'PEM PKCS#8 private key of --tls-cert' 'PKCS#12 keystore instead of --tls-cert/--tls-key (password: env TOKENCTL_TLS_KEYSTORE_PASSWORD)' 'Serve a PostgreSQL database (jdbc:postgresql://HOST:PORT/DB?user=U) instead of a store file' 'File holding the database password (else env TOKENCTL_DB_PASSWORD, else ~/.pgpass)' 'optional (default) or required: whether POST /api/v2/verify refuses callers without a token of their own' 'A proxy trusted to name the client in X-Forwarded-For, for --allow-ip checks (repeatable)' 'SQLite store file (env: TOKENCTL_STORE; default: $XDG_DATA_HOME/tokenctl/tokenctl.db)' 'URL of a remote tokenctl serve, e.g. http://127.0.0.1:8086 (env: TOKENCTL_HOST)' 'Profile to use instead of the active one (env: TOKENCTL_PROFILE)' 'File holding the operator token (else env TOKENCTL_TOKEN, else the profile\'s)' 'PEM certificate of a private CA to trust for an https --host (env: TOKENCTL_CA_CERT)' 'How long to wait for a --host to connect and answer (default: 10s)'
        case 'tokenctl store'
            set -g __tokenctl_subs 'copy'
            set -g __tokenctl_subs_help 'Copy every org, user, token hash, app, signing key and audit event of one store into a new, empty one: an SQLite file into PostgreSQL (to outgrow one file), or back.'
            set -g __tokenctl_cmds 'copy'
            set -g __tokenctl_flags '-h' '--help' '-V' '--version' '--skip-verify' '--debug'
            set -g __tokenctl_flags_help 'Show this help message and exit.' 'Show this help message and exit.' 'Print version information and exit.' 'Print version information and exit.' 'Don\'t check an https --host\'s certificate: for test set-ups only, never in production' 'Print stack traces of failures'
            set -g __tokenctl_vopts '--store' '--host' '--profile' '--token-file' '--ca-cert' '--timeout'
            set -g __tokenctl_vopts_help 'SQLite store file (env: TOKENCTL_STORE; default: $XDG_DATA_HOME/tokenctl/tokenctl.db)' 'URL of a remote tokenctl serve, e.g. http://127.0.0.1:8086 (env: TOKENCTL_HOST)' 'Profile to use instead of the active one (env: TOKENCTL_PROFILE)' 'File holding the operator token (else env TOKENCTL_TOKEN, else the profile\'s)' 'PEM certificate of a private CA to trust for an https --host (env: TOKENCTL_CA_CERT)' 'How long to wait for a --host to connect and answer (default: 10s)'
        case 'tokenctl store copy'
            set -g __tokenctl_subs
            set -g __tokenctl_subs_help
            set -g __tokenctl_cmds
            set -g __tokenctl_flags '--json' '-h' '--help' '-V' '--version' '--skip-verify' '--debug'
            set -g __tokenctl_flags_help 'Print what was copied as JSON' 'Show this help message and exit.' 'Show this help message and exit.' 'Print version information and exit.' 'Print version information and exit.' 'Don\'t check an https --host\'s certificate: for test set-ups only, never in production' 'Print stack traces of failures'
            set -g __tokenctl_vopts '--from' '--to' '--db-password-file' '--store' '--host' '--profile' '--token-file' '--ca-cert' '--timeout'
            set -g __tokenctl_vopts_help 'The store to copy: an SQLite file, or jdbc:postgresql://HOST:PORT/DB?user=U' 'The new store: a file that does not exist yet, or an empty PostgreSQL database' 'File holding the database password (else env TOKENCTL_DB_PASSWORD, else ~/.pgpass); one password for both sides: when two databases differ, use ~/.pgpass' 'SQLite store file (env: TOKENCTL_STORE; default: $XDG_DATA_HOME/tokenctl/tokenctl.db)' 'URL of a remote tokenctl serve, e.g. http://127.0.0.1:8086 (env: TOKENCTL_HOST)' 'Profile to use instead of the active one (env: TOKENCTL_PROFILE)' 'File holding the operator token (else env TOKENCTL_TOKEN, else the profile\'s)' 'PEM certificate of a private CA to trust for an https --host (env: TOKENCTL_CA_CERT)' 'How long to wait for a --host to connect and answer (default: 10s)'
        case 'tokenctl completion'
            set -g __tokenctl_subs
            set -g __tokenctl_subs_help
            set -g __tokenctl_cmds
            set -g __tokenctl_flags '-h' '--help' '-V' '--version' '--skip-verify' '--debug'
            set -g __tokenctl_flags_help 'Show this help message and exit.' 'Show this help message and exit.' 'Print version information and exit.' 'Print version information and exit.' 'Don\'t check an https --host\'s certificate: for test set-ups only, never in production' 'Print stack traces of failures'
            set -g __tokenctl_vopts '--store' '--host' '--profile' '--token-file' '--ca-cert' '--timeout'
            set -g __tokenctl_vopts_help 'SQLite store file (env: TOKENCTL_STORE; default: $XDG_DATA_HOME/tokenctl/tokenctl.db)' 'URL of a remote tokenctl serve, e.g. http://127.0.0.1:8086 (env: TOKENCTL_HOST)' 'Profile to use instead of the active one (env: TOKENCTL_PROFILE)' 'File holding the operator token (else env TOKENCTL_TOKEN, else the profile\'s)' 'PEM certificate of a private CA to trust for an https --host (env: TOKENCTL_CA_CERT)' 'How long to wait for a --host to connect and answer (default: 10s)'
    end
end

# argv: path option current-word global-options...
function __tokenctl_option_values
    switch "$argv[1]|$argv[2]"
        case 'tokenctl|--store'
            __fish_complete_path $argv[3]
        case 'tokenctl|--profile'
            __tokenctl_stored profile-names $argv[4..-1]
        case 'tokenctl|--token-file'
            __fish_complete_path $argv[3]
        case 'tokenctl|--ca-cert'
            __fish_complete_path $argv[3]
        case 'tokenctl setup|--store'
            __fish_complete_path $argv[3]
        case 'tokenctl setup|--profile'
            __tokenctl_stored profile-names $argv[4..-1]
        case 'tokenctl setup|--token-file'
            __fish_complete_path $argv[3]
        case 'tokenctl setup|--ca-cert'
            __fish_complete_path $argv[3]
        case 'tokenctl auth|--store'
            __fish_complete_path $argv[3]
        case 'tokenctl auth|--profile'
            __tokenctl_stored profile-names $argv[4..-1]
        case 'tokenctl auth|--token-file'
            __fish_complete_path $argv[3]
        case 'tokenctl auth|--ca-cert'
            __fish_complete_path $argv[3]
        case 'tokenctl auth create|--user'
            __tokenctl_stored user-names $argv[4..-1]
        case 'tokenctl auth create|--org'
            __tokenctl_stored org-names $argv[4..-1]
        case 'tokenctl auth create|--format'
            printf '%s\n' 'opaque' 'jwt'
        case 'tokenctl auth create|--app-default'
            printf '%s\n' 'allow' 'pending' 'deny'
        case 'tokenctl auth create|--store'
            __fish_complete_path $argv[3]
        case 'tokenctl auth create|--profile'
            __tokenctl_stored profile-names $argv[4..-1]
        case 'tokenctl auth create|--token-file'
            __fish_complete_path $argv[3]
        case 'tokenctl auth create|--ca-cert'
            __fish_complete_path $argv[3]
        case 'tokenctl auth list|--user' 'tokenctl auth ls|--user'
            __tokenctl_stored user-names $argv[4..-1]
        case 'tokenctl auth list|--org' 'tokenctl auth ls|--org'
            __tokenctl_stored org-names $argv[4..-1]
        case 'tokenctl auth list|--status' 'tokenctl auth ls|--status'
            printf '%s\n' 'active' 'inactive' 'retired' 'expired'
        case 'tokenctl auth list|--store' 'tokenctl auth ls|--store'
            __fish_complete_path $argv[3]
        case 'tokenctl auth list|--profile' 'tokenctl auth ls|--profile'
            __tokenctl_stored profile-names $argv[4..-1]
        case 'tokenctl auth list|--token-file' 'tokenctl auth ls|--token-file'
            __fish_complete_path $argv[3]
        case 'tokenctl auth list|--ca-cert' 'tokenctl auth ls|--ca-cert'
            __fish_complete_path $argv[3]
        case 'tokenctl auth show|--store'
            __fish_complete_path $argv[3]
        case 'tokenctl auth show|--profile'
            __tokenctl_stored profile-names $argv[4..-1]
        case 'tokenctl auth show|--token-file'
            __fish_complete_path $argv[3]
        case 'tokenctl auth show|--ca-cert'
            __fish_complete_path $argv[3]
        case 'tokenctl auth update|--owner'
            __tokenctl_stored user-names $argv[4..-1]
        case 'tokenctl auth update|--store'
            __fish_complete_path $argv[3]
        case 'tokenctl auth update|--profile'
            __tokenctl_stored profile-names $argv[4..-1]
        case 'tokenctl auth update|--token-file'
            __fish_complete_path $argv[3]
        case 'tokenctl auth update|--ca-cert'
            __fish_complete_path $argv[3]
        case 'tokenctl auth activate|--store'
            __fish_complete_path $argv[3]
        case 'tokenctl auth activate|--profile'
            __tokenctl_stored profile-names $argv[4..-1]
        case 'tokenctl auth activate|--token-file'
            __fish_complete_path $argv[3]
        case 'tokenctl auth activate|--ca-cert'
            __fish_complete_path $argv[3]
        case 'tokenctl auth deactivate|--store'
            __fish_complete_path $argv[3]
        case 'tokenctl auth deactivate|--profile'
            __tokenctl_stored profile-names $argv[4..-1]
        case 'tokenctl auth deactivate|--token-file'
            __fish_complete_path $argv[3]
        case 'tokenctl auth deactivate|--ca-cert'
            __fish_complete_path $argv[3]
        case 'tokenctl auth retire|--store'
            __fish_complete_path $argv[3]
        case 'tokenctl auth retire|--profile'
            __tokenctl_stored profile-names $argv[4..-1]
        case 'tokenctl auth retire|--token-file'
            __fish_complete_path $argv[3]
        case 'tokenctl auth retire|--ca-cert'
            __fish_complete_path $argv[3]
        case 'tokenctl auth delete|--store'
            __fish_complete_path $argv[3]
        case 'tokenctl auth delete|--profile'
            __tokenctl_stored profile-names $argv[4..-1]
        case 'tokenctl auth delete|--token-file'
            __fish_complete_path $argv[3]
        case 'tokenctl auth delete|--ca-cert'
            __fish_complete_path $argv[3]
        case 'tokenctl auth regenerate|--store'
            __fish_complete_path $argv[3]
        case 'tokenctl auth regenerate|--profile'
            __tokenctl_stored profile-names $argv[4..-1]
        case 'tokenctl auth regenerate|--token-file'
            __fish_complete_path $argv[3]
        case 'tokenctl auth regenerate|--ca-cert'
            __fish_complete_path $argv[3]
        case 'tokenctl auth clone|--store'
            __fish_complete_path $argv[3]
        case 'tokenctl auth clone|--profile'
            __tokenctl_stored profile-names $argv[4..-1]
        case 'tokenctl auth clone|--token-file'
            __fish_complete_path $argv[3]
        case 'tokenctl auth clone|--ca-cert'
            __fish_complete_path $argv[3]
        case 'tokenctl auth promote|--store'
            __fish_complete_path $argv[3]
        case 'tokenctl auth promote|--profile'
            __tokenctl_stored profile-names $argv[4..-1]
        case 'tokenctl auth promote|--token-file'
            __fish_complete_path $argv[3]
        case 'tokenctl auth promote|--ca-cert'
            __fish_complete_path $argv[3]
        case 'tokenctl auth revoke-org|--org'
            __tokenctl_stored org-names $argv[4..-1]
        case 'tokenctl auth revoke-org|--store'
            __fish_complete_path $argv[3]
        case 'tokenctl auth revoke-org|--profile'
            __tokenctl_stored profile-names $argv[4..-1]
        case 'tokenctl auth revoke-org|--token-file'
            __fish_complete_path $argv[3]
        case 'tokenctl auth revoke-org|--ca-cert'
            __fish_complete_path $argv[3]
        case 'tokenctl auth verify|--org'
            __tokenctl_stored org-names $argv[4..-1]
        case 'tokenctl auth verify|--jwks'
            __fish_complete_path $argv[3]
        case 'tokenctl auth verify|--store'
            __fish_complete_path $argv[3]
        case 'tokenctl auth verify|--profile'
            __tokenctl_stored profile-names $argv[4..-1]
        case 'tokenctl auth verify|--token-file'
            __fish_complete_path $argv[3]
        case 'tokenctl auth verify|--ca-cert'
            __fish_complete_path $argv[3]
        case 'tokenctl auth find|--store'
            __fish_complete_path $argv[3]
        case 'tokenctl auth find|--profile'
            __tokenctl_stored profile-names $argv[4..-1]
        case 'tokenctl auth find|--token-file'
            __fish_complete_path $argv[3]
        case 'tokenctl auth find|--ca-cert'
            __fish_complete_path $argv[3]
        case 'tokenctl auth apps|--store'
            __fish_complete_path $argv[3]
        case 'tokenctl auth apps|--profile'
            __tokenctl_stored profile-names $argv[4..-1]
        case 'tokenctl auth apps|--token-file'
            __fish_complete_path $argv[3]
        case 'tokenctl auth apps|--ca-cert'
            __fish_complete_path $argv[3]
        case 'tokenctl auth approve-app|--store'
            __fish_complete_path $argv[3]
        case 'tokenctl auth approve-app|--profile'
            __tokenctl_stored profile-names $argv[4..-1]
        case 'tokenctl auth approve-app|--token-file'
            __fish_complete_path $argv[3]
        case 'tokenctl auth approve-app|--ca-cert'
            __fish_complete_path $argv[3]
        case 'tokenctl auth deny-app|--store'
            __fish_complete_path $argv[3]
        case 'tokenctl auth deny-app|--profile'
            __tokenctl_stored profile-names $argv[4..-1]
        case 'tokenctl auth deny-app|--token-file'
            __fish_complete_path $argv[3]
        case 'tokenctl auth deny-app|--ca-cert'
            __fish_complete_path $argv[3]
        case 'tokenctl user|--store'
            __fish_complete_path $argv[3]
        case 'tokenctl user|--profile'
            __tokenctl_stored profile-names $argv[4..-1]
        case 'tokenctl user|--token-file'
            __fish_complete_path $argv[3]
        case 'tokenctl user|--ca-cert'
            __fish_complete_path $argv[3]
        case 'tokenctl user create|--org'
            __tokenctl_stored org-names $argv[4..-1]
        case 'tokenctl user create|--role'
            printf '%s\n' 'admin' 'normal' 'read-only'
        case 'tokenctl user create|--store'
            __fish_complete_path $argv[3]
        case 'tokenctl user create|--profile'
            __tokenctl_stored profile-names $argv[4..-1]
        case 'tokenctl user create|--token-file'
            __fish_complete_path $argv[3]
        case 'tokenctl user create|--ca-cert'
            __fish_complete_path $argv[3]
        case 'tokenctl user list|--org' 'tokenctl user ls|--org'
            __tokenctl_stored org-names $argv[4..-1]
        case 'tokenctl user list|--store' 'tokenctl user ls|--store'
            __fish_complete_path $argv[3]
        case 'tokenctl user list|--profile' 'tokenctl user ls|--profile'
            __tokenctl_stored profile-names $argv[4..-1]
        case 'tokenctl user list|--token-file' 'tokenctl user ls|--token-file'
            __fish_complete_path $argv[3]
        case 'tokenctl user list|--ca-cert' 'tokenctl user ls|--ca-cert'
            __fish_complete_path $argv[3]
        case 'tokenctl user delete|--org' 'tokenctl user rm|--org'
            __tokenctl_stored org-names $argv[4..-1]
        case 'tokenctl user delete|--store' 'tokenctl user rm|--store'
            __fish_complete_path $argv[3]
        case 'tokenctl user delete|--profile' 'tokenctl user rm|--profile'
            __tokenctl_stored profile-names $argv[4..-1]
        case 'tokenctl user delete|--token-file' 'tokenctl user rm|--token-file'
            __fish_complete_path $argv[3]
        case 'tokenctl user delete|--ca-cert' 'tokenctl user rm|--ca-cert'
            __fish_complete_path $argv[3]
        case 'tokenctl org|--store'
            __fish_complete_path $argv[3]
        case 'tokenctl org|--profile'
            __tokenctl_stored profile-names $argv[4..-1]
        case 'tokenctl org|--token-file'
            __fish_complete_path $argv[3]
        case 'tokenctl org|--ca-cert'
            __fish_complete_path $argv[3]
        case 'tokenctl org create|--store'
            __fish_complete_path $argv[3]
        case 'tokenctl org create|--profile'
            __tokenctl_stored profile-names $argv[4..-1]
        case 'tokenctl org create|--token-file'
            __fish_complete_path $argv[3]
        case 'tokenctl org create|--ca-cert'
            __fish_complete_path $argv[3]
        case 'tokenctl org list|--store' 'tokenctl org ls|--store'
            __fish_complete_path $argv[3]
        case 'tokenctl org list|--profile' 'tokenctl org ls|--profile'
            __tokenctl_stored profile-names $argv[4..-1]
        case 'tokenctl org list|--token-file' 'tokenctl org ls|--token-file'
            __fish_complete_path $argv[3]
        case 'tokenctl org list|--ca-cert' 'tokenctl org ls|--ca-cert'
            __fish_complete_path $argv[3]
        case 'tokenctl org keys|--store'
            __fish_complete_path $argv[3]
        case 'tokenctl org keys|--profile'
            __tokenctl_stored profile-names $argv[4..-1]
        case 'tokenctl org keys|--token-file'
            __fish_complete_path $argv[3]
        case 'tokenctl org keys|--ca-cert'
            __fish_complete_path $argv[3]
        case 'tokenctl org keys rotate|--store'
            __fish_complete_path $argv[3]
        case 'tokenctl org keys rotate|--profile'
            __tokenctl_stored profile-names $argv[4..-1]
        case 'tokenctl org keys rotate|--token-file'
            __fish_complete_path $argv[3]
        case 'tokenctl org keys rotate|--ca-cert'
            __fish_complete_path $argv[3]
        case 'tokenctl org keys jwks|--store'
            __fish_complete_path $argv[3]
        case 'tokenctl org keys jwks|--profile'
            __tokenctl_stored profile-names $argv[4..-1]
        case 'tokenctl org keys jwks|--token-file'
            __fish_complete_path $argv[3]
        case 'tokenctl org keys jwks|--ca-cert'
            __fish_complete_path $argv[3]
        case 'tokenctl org keys remove|--store'
            __fish_complete_path $argv[3]
        case 'tokenctl org keys remove|--profile'
            __tokenctl_stored profile-names $argv[4..-1]
        case 'tokenctl org keys remove|--token-file'
            __fish_complete_path $argv[3]
        case 'tokenctl org keys remove|--ca-cert'
            __fish_complete_path $argv[3]
        case 'tokenctl audit|--store'
            __fish_complete_path $argv[3]
        case 'tokenctl audit|--profile'
            __tokenctl_stored profile-names $argv[4..-1]
        case 'tokenctl audit|--token-file'
            __fish_complete_path $argv[3]
        case 'tokenctl audit|--ca-cert'
            __fish_complete_path $argv[3]
        case 'tokenctl audit list|--actor' 'tokenctl audit ls|--actor'
            __tokenctl_stored user-names $argv[4..-1]
        case 'tokenctl audit list|--store' 'tokenctl audit ls|--store'
            __fish_complete_path $argv[3]
        case 'tokenctl audit list|--profile' 'tokenctl audit ls|--profile'
            __tokenctl_stored profile-names $argv[4..-1]
        case 'tokenctl audit list|--token-file' 'tokenctl audit ls|--token-file'
            __fish_complete_path $argv[3]
        case 'tokenctl audit list|--ca-cert' 'tokenctl audit ls|--ca-cert'
            __fish_complete_path $argv[3]
        case 'tokenctl whoami|--store'
            __fish_complete_path $argv[3]
        case 'tokenctl whoami|--profile'
            __tokenctl_stored profile-names $argv[4..-1]
        case 'tokenctl whoami|--token-file'
            __fish_complete_path $argv[3]
        case 'tokenctl whoami|--ca-cert'
            __fish_complete_path $argv[3]
        case 'tokenctl config|--store'
            __fish_complete_path $argv[3]
        case 'tokenctl config|--profile'
            __tokenctl_stored profile-names $argv[4..-1]
        case 'tokenctl config|--token-file'
            __fish_complete_path $argv[3]
        case 'tokenctl config|--ca-cert'
            __fish_complete_path $argv[3]
        case 'tokenctl config create|--org'
            __tokenctl_stored org-names $argv[4..-1]
        case 'tokenctl config create|--store'
            __fish_complete_path $argv[3]
        case 'tokenctl config create|--profile'
            __tokenctl_stored profile-names $argv[4..-1]
        case 'tokenctl config create|--token-file'
            __fish_complete_path $argv[3]
        case 'tokenctl config create|--ca-cert'
            __fish_complete_path $argv[3]
        case 'tokenctl config set|--org'
            __tokenctl_stored org-names $argv[4..-1]
        case 'tokenctl config set|--store'
            __fish_complete_path $argv[3]
        case 'tokenctl config set|--profile'
            __tokenctl_stored profile-names $argv[4..-1]
        case 'tokenctl config set|--token-file'
            __fish_complete_path $argv[3]
        case 'tokenctl config set|--ca-cert'
            __fish_complete_path $argv[3]
        case 'tokenctl config list|--store' 'tokenctl config ls|--store'
            __fish_complete_path $argv[3]
        case 'tokenctl config list|--profile' 'tokenctl config ls|--profile'
            __tokenctl_stored profile-names $argv[4..-1]
        case 'tokenctl config list|--token-file' 'tokenctl config ls|--token-file'
            __fish_complete_path $argv[3]
        case 'tokenctl config list|--ca-cert' 'tokenctl config ls|--ca-cert'
            __fish_complete_path $argv[3]
        case 'tokenctl config use|--store'
            __fish_complete_path $argv[3]
        case 'tokenctl config use|--profile'
            __tokenctl_stored profile-names $argv[4..-1]
        case 'tokenctl config use|--token-file'
            __fish_complete_path $argv[3]
        case 'tokenctl config use|--ca-cert'
            __fish_complete_path $argv[3]
        case 'tokenctl config delete|--store' 'tokenctl config rm|--store'
            __fish_complete_path $argv[3]
        case 'tokenctl config delete|--profile' 'tokenctl config rm|--profile'
            __tokenctl_stored profile-names $argv[4..-1]
        case 'tokenctl config delete|--token-file' 'tokenctl config rm|--token-file'
            __fish_complete_path $argv[3]
        case 'tokenctl config delete|--ca-cert' 'tokenctl config rm|--ca-cert'
            __fish_complete_path $argv[3]
        case 'tokenctl serve|--tls-cert'
            __fish_complete_path $argv[3]
        case 'tokenctl serve|--tls-key'
            __fish_complete_path $argv[3]
        case 'tokenctl serve|--tls-keystore'
            __fish_complete_path $argv[3]
        case 'tokenctl serve|--db-password-file'
            __fish_complete_path $argv[3]
        case 'tokenctl serve|--store'
            __fish_complete_path $argv[3]
        case 'tokenctl serve|--profile'
            __tokenctl_stored profile-names $argv[4..-1]
        case 'tokenctl serve|--token-file'
            __fish_complete_path $argv[3]
        case 'tokenctl serve|--ca-cert'
            __fish_complete_path $argv[3]
        case 'tokenctl store|--store'
            __fish_complete_path $argv[3]
        case 'tokenctl store|--profile'
            __tokenctl_stored profile-names $argv[4..-1]
        case 'tokenctl store|--token-file'
            __fish_complete_path $argv[3]
        case 'tokenctl store|--ca-cert'
            __fish_complete_path $argv[3]
        case 'tokenctl store copy|--db-password-file'
            __fish_complete_path $argv[3]
        case 'tokenctl store copy|--store'
            __fish_complete_path $argv[3]
        case 'tokenctl store copy|--profile'
            __tokenctl_stored profile-names $argv[4..-1]
        case 'tokenctl store copy|--token-file'
            __fish_complete_path $argv[3]
        case 'tokenctl store copy|--ca-cert'
            __fish_complete_path $argv[3]
        case 'tokenctl completion|--store'
            __fish_complete_path $argv[3]
        case 'tokenctl completion|--profile'
            __tokenctl_stored profile-names $argv[4..-1]
        case 'tokenctl completion|--token-file'
            __fish_complete_path $argv[3]
        case 'tokenctl completion|--ca-cert'
            __fish_complete_path $argv[3]
    end
end

# argv: path index current-word global-options...
function __tokenctl_positional_values
    switch $argv[1]
        case 'tokenctl auth show'
            if test $argv[2] -ge 0 -a $argv[2] -le 0
                __tokenctl_stored token-ids $argv[4..-1]
                return
            end
        case 'tokenctl auth update'
            if test $argv[2] -ge 0 -a $argv[2] -le 0
                __tokenctl_stored token-ids $argv[4..-1]
                return
            end
        case 'tokenctl auth activate'
            if test $argv[2] -ge 0 -a $argv[2] -le 0
                __tokenctl_stored token-ids $argv[4..-1]
                return
            end
        case 'tokenctl auth deactivate'
            if test $argv[2] -ge 0 -a $argv[2] -le 0
                __tokenctl_stored token-ids $argv[4..-1]
                return
            end
        case 'tokenctl auth retire'
            if test $argv[2] -ge 0 -a $argv[2] -le 0
                __tokenctl_stored token-ids $argv[4..-1]
                return
            end
        case 'tokenctl auth delete'
            if test $argv[2] -ge 0 -a $argv[2] -le 0
                __tokenctl_stored token-ids $argv[4..-1]
                return
            end
        case 'tokenctl auth regenerate'
            if test $argv[2] -ge 0 -a $argv[2] -le 0
                __tokenctl_stored token-ids $argv[4..-1]
                return
            end
        case 'tokenctl auth clone'
            if test $argv[2] -ge 0 -a $argv[2] -le 0
                __tokenctl_stored token-ids $argv[4..-1]
                return
            end
        case 'tokenctl auth promote'
            if test $argv[2] -ge 0 -a $argv[2] -le 0
                __tokenctl_stored token-ids $argv[4..-1]
                return
            end
        case 'tokenctl auth revoke-org'
            if test $argv[2] -ge 0 -a $argv[2] -le 0
                __tokenctl_stored token-ids $argv[4..-1]
                return
            end
        case 'tokenctl auth apps'
            if test $argv[2] -ge 0 -a $argv[2] -le 0
                __tokenctl_stored token-ids $argv[4..-1]
                return
            end
        case 'tokenctl auth approve-app'
            if test $argv[2] -ge 0 -a $argv[2] -le 0
                __tokenctl_stored token-ids $argv[4..-1]
                return
            end
        case 'tokenctl auth deny-app'
            if test $argv[2] -ge 0 -a $argv[2] -le 0
                __tokenctl_stored token-ids $argv[4..-1]
                return
            end
        case 'tokenctl user delete' 'tokenctl user rm'
            if test $argv[2] -ge 0 -a $argv[2] -le 0
                __tokenctl_stored user-names $argv[4..-1]
                return
            end
        case 'tokenctl org keys rotate'
            if test $argv[2] -ge 0 -a $argv[2] -le 0
                __tokenctl_stored org-names $argv[4..-1]
                return
            end
        case 'tokenctl org keys jwks'
            if test $argv[2] -ge 0 -a $argv[2] -le 0
                __tokenctl_stored org-names $argv[4..-1]
                return
            end
        case 'tokenctl org keys remove'
            if test $argv[2] -ge 0 -a $argv[2] -le 0
                __tokenctl_stored org-names $argv[4..-1]
                return
            end
        case 'tokenctl config set'
            if test $argv[2] -ge 0 -a $argv[2] -le 0
                __tokenctl_stored profile-names $argv[4..-1]
                return
            end
        case 'tokenctl config use'
            if test $argv[2] -ge 0 -a $argv[2] -le 0
                __tokenctl_stored profile-names $argv[4..-1]
                return
            end
        case 'tokenctl config delete' 'tokenctl config rm'
            if test $argv[2] -ge 0 -a $argv[2] -le 0
                __tokenctl_stored profile-names $argv[4..-1]
                return
            end
        case 'tokenctl completion'
            if test $argv[2] -ge 0 -a $argv[2] -le 0
                printf '%s\n' 'bash' 'zsh' 'fish'
                return
            end
    end
end

set -g __tokenctl_globals --store --host --profile --token-file --ca-cert --timeout

function __tokenctl_complete
    set -l tokens (commandline -opc)
    set -l cur (commandline -ct)
    set -l p tokenctl
    set -l n 0
    set -l skip 0
    set -l gopt
    set -l globals
    __tokenctl_spec $p
    for w in $tokens[2..-1]
        if test $skip = 1
            set skip 0
            if test -n "$gopt"
                set -a globals $gopt (string replace -r '^~/' "$HOME/" -- $w)
                set gopt
            end
            continue
        end
        switch $w
            case '-*=*'
                set -l o (string split -m1 = -- $w)
                contains -- $o[1] $__tokenctl_globals; and set -a globals $o
            case '-*'
                if contains -- $w $__tokenctl_vopts
                    set skip 1
                    contains -- $w $__tokenctl_globals; and set gopt $w
                end
            case '*'
                if test $n = 0; and contains -- $w $__tokenctl_cmds
                    set p "$p $w"
                    __tokenctl_spec $p
                else
                    set n (math $n + 1)
                end
        end
    end
    if test $skip = 1
        __tokenctl_option_values $p $tokens[-1] $cur $globals
    else if string match -q -- '-*=*' $cur
        set -l o (string split -m1 = -- $cur)
        __tokenctl_option_values $p $o[1] $o[2] $globals | string replace -r -- '^' "$o[1]="
    else if string match -q -- '-*' $cur
        for i in (seq (count $__tokenctl_flags))
            printf '%s\t%s\n' $__tokenctl_flags[$i] $__tokenctl_flags_help[$i]
        end
        for i in (seq (count $__tokenctl_vopts))
            printf '%s\t%s\n' $__tokenctl_vopts[$i] $__tokenctl_vopts_help[$i]
        end
    else if test (count $__tokenctl_subs) -gt 0
        for i in (seq (count $__tokenctl_subs))
            printf '%s\t%s\n' $__tokenctl_subs[$i] $__tokenctl_subs_help[$i]
        end
    else
        __tokenctl_positional_values $p $n $cur $globals
    end
end

# Token ids, org, user or profile names of the store the typed line points at; nothing (and no noise)
# when there is none.
function __tokenctl_stored
    set -l cmd (commandline -opc)[1]
    command $cmd $argv[2..-1] __complete $argv[1] 2>/dev/null
end

complete -c tokenctl -f -a '(__tokenctl_complete)'
