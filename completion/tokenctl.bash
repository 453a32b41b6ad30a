# bash completion for tokenctl. Generated from tokenctl's command model (io.tokenctl.cli.GenerateDocs); do not edit.
# Install: source it, or copy it to ~/.local/share/bash-completion/completions/tokenctl

_tokenctl_spec() {
  subs='' cmds='' flags='' vopts=''
  case "$1" in
    'tokenctl')
      subs='setup auth user org audit whoami config serve store completion' cmds='setup auth user org audit whoami config serve store completion'
      flags='--skip-verify --debug -h --help -V --version' vopts='--store --host --profile --token-file --ca-cert --timeout' ;;
    'tokenctl setup')
      subs='' cmds=''
      flags='--force --active -q --quiet --json --hide-headers -h --help -V --version --skip-verify --debug' vopts='--username --org --store --host --profile --token-file --ca-cert --timeout' ;;
    'tokenctl auth')
      subs='create list show update activate deactivate retire delete regenerate clone promote revoke-org verify find apps approve-app deny-app' cmds='create list ls show update activate deactivate retire delete regenerate clone promote revoke-org verify find apps approve-app deny-app'
      flags='-h --help -V --version --skip-verify --debug' vopts='--store --host --profile --token-file --ca-cert --timeout' ;;
    'tokenctl auth create')
      subs='' cmds=''
      flags='--all-orgs --account --all-access -q --quiet --json --hide-headers -h --help -V --version --skip-verify --debug --read-authorizations --write-authorizations --read-buckets --write-buckets --read-dashboards --write-dashboards --read-orgs --write-orgs --read-tasks --write-tasks --read-telegrafs --write-telegrafs --read-users --write-users --read-variables --write-variables --read-secrets --write-secrets --read-labels --write-labels --read-views --write-views --read-documents --write-documents --read-notificationRules --write-notificationRules --read-notificationEndpoints --write-notificationEndpoints --read-checks --write-checks --read-dbrps --write-dbrps --read-annotations --write-annotations --read-remotes --write-remotes --read-replications --write-replications' vopts='--description --user --org --expires --format --app-default --allow-ip --store --host --profile --token-file --ca-cert --timeout --read-authorization --write-authorization --read-bucket --write-bucket --read-dashboard --write-dashboard --read-org --write-org --read-task --write-task --read-telegraf --write-telegraf --read-user --write-user --read-variable --write-variable --read-secret --write-secret --read-label --write-label --read-view --write-view --read-document --write-document --read-notificationRule --write-notificationRule --read-notificationEndpoint --write-notificationEndpoint --read-check --write-check --read-dbrp --write-dbrp --read-annotation --write-annotation --read-remote --write-remote --read-replication --write-replication' ;;
    'tokenctl auth list'|'tokenctl auth ls')
      subs='' cmds=''
      flags='--all --wide --json --hide-headers -h --help -V --version --skip-verify --debug' vopts='--user --org --status --expiring-within --limit --after --store --host --profile --token-file --ca-cert --timeout' ;;
    'tokenctl auth show')
      subs='' cmds=''
      flags='--json --hide-headers -h --help -V --version --skip-verify --debug' vopts='--store --host --profile --token-file --ca-cert --timeout' ;;
    'tokenctl auth update')
      subs='' cmds=''
      flags='--json --hide-headers -h --help -V --version --skip-verify --debug' vopts='--description --expires --owner --store --host --profile --token-file --ca-cert --timeout' ;;
    'tokenctl auth activate')
      subs='' cmds=''
      flags='--json --hide-headers -h --help -V --version --skip-verify --debug' vopts='--store --host --profile --token-file --ca-cert --timeout' ;;
    'tokenctl auth deactivate')
      subs='' cmds=''
      flags='--json --hide-headers -h --help -V --version --skip-verify --debug' vopts='--store --host --profile --token-file --ca-cert --timeout' ;;
    'tokenctl auth retire')
      subs='' cmds=''
      flags='--secret-stdin --json --hide-headers -h --help -V --version --skip-verify --debug' vopts='--store --host --profile --token-file --ca-cert --timeout' ;;
    'tokenctl auth delete')
      subs='' cmds=''
      flags='-y --yes -h --help -V --version --skip-verify --debug' vopts='--store --host --profile --token-file --ca-cert --timeout' ;;
    'tokenctl auth regenerate')
      subs='' cmds=''
      flags='--json --hide-headers --revoke-on-reuse -q --quiet -h --help -V --version --skip-verify --debug' vopts='--grace --old-expires --store --host --profile --token-file --ca-cert --timeout' ;;
    'tokenctl auth clone')
      subs='' cmds=''
      flags='--all-access -q --quiet --json --hide-headers -h --help -V --version --skip-verify --debug --read-authorizations --write-authorizations --read-buckets --write-buckets --read-dashboards --write-dashboards --read-orgs --write-orgs --read-tasks --write-tasks --read-telegrafs --write-telegrafs --read-users --write-users --read-variables --write-variables --read-secrets --write-secrets --read-labels --write-labels --read-views --write-views --read-documents --write-documents --read-notificationRules --write-notificationRules --read-notificationEndpoints --write-notificationEndpoints --read-checks --write-checks --read-dbrps --write-dbrps --read-annotations --write-annotations --read-remotes --write-remotes --read-replications --write-replications' vopts='--description --store --host --profile --token-file --ca-cert --timeout --read-authorization --write-authorization --read-bucket --write-bucket --read-dashboard --write-dashboard --read-org --write-org --read-task --write-task --read-telegraf --write-telegraf --read-user --write-user --read-variable --write-variable --read-secret --write-secret --read-label --write-label --read-view --write-view --read-document --write-document --read-notificationRule --write-notificationRule --read-notificationEndpoint --write-notificationEndpoint --read-check --write-check --read-dbrp --write-dbrp --read-annotation --write-annotation --read-remote --write-remote --read-replication --write-replication' ;;
    'tokenctl auth promote')
      subs='' cmds=''
      flags='--json --hide-headers -h --help -V --version --skip-verify --debug' vopts='--store --host --profile --token-file --ca-cert --timeout' ;;
    'tokenctl auth revoke-org')
      subs='' cmds=''
      flags='--json --hide-headers -h --help -V --version --skip-verify --debug' vopts='--org --store --host --profile --token-file --ca-cert --timeout' ;;
    'tokenctl auth verify')
      subs='' cmds=''
      flags='--offline -q --quiet -h --help -V --version --skip-verify --debug' vopts='--app --ip --require --org --jwks --store --host --profile --token-file --ca-cert --timeout' ;;
    'tokenctl auth find')
      subs='' cmds=''
      flags='--json --hide-headers -h --help -V --version --skip-verify --debug' vopts='--store --host --profile --token-file --ca-cert --timeout' ;;
    'tokenctl auth apps')
      subs='' cmds=''
      flags='--json --hide-headers -h --help -V --version --skip-verify --debug' vopts='--store --host --profile --token-file --ca-cert --timeout' ;;
    'tokenctl auth approve-app')
      subs='' cmds=''
      flags='--json --hide-headers -h --help -V --version --skip-verify --debug' vopts='--store --host --profile --token-file --ca-cert --timeout' ;;
    'tokenctl auth deny-app')
      subs='' cmds=''
      flags='--json --hide-headers -h --help -V --version --skip-verify --debug' vopts='--store --host --profile --token-file --ca-cert --timeout' ;;
    'tokenctl user')
      subs='create list delete' cmds='create list ls delete rm'
      flags='-h --help -V --version --skip-verify --debug' vopts='--store --host --profile --token-file --ca-cert --timeout' ;;
    'tokenctl user create')
      subs='' cmds=''
      flags='--json --hide-headers -h --help -V --version --skip-verify --debug' vopts='--org --role --store --host --profile --token-file --ca-cert --timeout' ;;
    'tokenctl user list'|'tokenctl user ls')
      subs='' cmds=''
      flags='--json --hide-headers -h --help -V --version --skip-verify --debug' vopts='--org --store --host --profile --token-file --ca-cert --timeout' ;;
    'tokenctl user delete'|'tokenctl user rm')
      subs='' cmds=''
      flags='-y --yes --json --hide-headers -h --help -V --version --skip-verify --debug' vopts='--org --store --host --profile --token-file --ca-cert --timeout' ;;
    'tokenctl org')
      subs='create list keys' cmds='create list ls keys'
      flags='-h --help -V --version --skip-verify --debug' vopts='--store --host --profile --token-file --ca-cert --timeout' ;;
    'tokenctl org create')
      subs='' cmds=''
      flags='--json --hide-headers -h --help -V --version --skip-verify --debug' vopts='--store --host --profile --token-file --ca-cert --timeout' ;;
    'tokenctl org list'|'tokenctl org ls')
      subs='' cmds=''
      flags='--json --hide-headers -h --help -V --version --skip-verify --debug' vopts='--store --host --profile --token-file --ca-cert --timeout' ;;
    'tokenctl org keys')
      subs='rotate jwks remove' cmds='rotate jwks remove'
      flags='-h --help -V --version --skip-verify --debug' vopts='--store --host --profile --token-file --ca-cert --timeout' ;;
    'tokenctl org keys rotate')
      subs='' cmds=''
      flags='-h --help -V --version --skip-verify --debug' vopts='--store --host --profile --token-file --ca-cert --timeout' ;;
    'tokenctl org keys jwks')
      subs='' cmds=''
      flags='-h --help -V --version --skip-verify --debug' vopts='--store --host --profile --token-file --ca-cert --timeout' ;;
    'tokenctl org keys remove')
      subs='' cmds=''
      flags='-y --yes -h --help -V --version --skip-verify --debug' vopts='--store --host --profile --token-file --ca-cert --timeout' ;;
    'tokenctl audit')
      subs='list' cmds='list ls'
      flags='-h --help -V --version --skip-verify --debug' vopts='--store --host --profile --token-file --ca-cert --timeout' ;;
    'tokenctl audit list'|'tokenctl audit ls')
      subs='' cmds=''
      flags='--json --hide-headers --all -r --reverse -f --follow -h --help -V --version --skip-verify --debug' vopts='--since --actor --target --limit --after --store --host --profile --token-file --ca-cert --timeout' ;;
    'tokenctl whoami')
      subs='' cmds=''
      flags='--json --hide-headers -h --help -V --version --skip-verify --debug' vopts='--store --host --profile --token-file --ca-cert --timeout' ;;
    'tokenctl config')
      subs='create set list use delete' cmds='create set list ls use delete rm'
      flags='-h --help -V --version --skip-verify --debug' vopts='--store --host --profile --token-file --ca-cert --timeout' ;;
    'tokenctl config create')
      subs='' cmds=''
      flags='--active -h --help -V --version --skip-verify --debug' vopts='--org --store --host --profile --token-file --ca-cert --timeout' ;;
    'tokenctl config set')
      subs='' cmds=''
      flags='-h --help -V --version --skip-verify --debug' vopts='--org --store --host --profile --token-file --ca-cert --timeout' ;;
    'tokenctl config list'|'tokenctl config ls')
      subs='' cmds=''
      flags='--json --hide-headers -h --help -V --version --skip-verify --debug' vopts='--store --host --profile --token-file --ca-cert --timeout' ;;
    'tokenctl config use')
      subs='' cmds=''
      flags='-h --help -V --version --skip-verify --debug' vopts='--store --host --profile --token-file --ca-cert --timeout' ;;
    'tokenctl config delete'|'tokenctl config rm')
      subs='' cmds=''
      flags='-y --yes -h --help -V --version --skip-verify --debug' vopts='--store --host --profile --token-file --ca-cert --timeout' ;;
    'tokenctl serve')
      subs='' cmds=''
      flags='-h --help -V --version --skip-verify --debug' vopts='--listen --tls-cert --tls-key --tls-keystore --db-url --db-password-file --introspection-auth --trusted-proxy --store --host --profile --token-file --ca-cert --timeout' ;;
    'tokenctl store')
      subs='copy' cmds='copy'
      flags='-h --help -V --version --skip-verify --debug' vopts='--store --host --profile --token-file --ca-cert --timeout' ;;
    'tokenctl store copy')
      subs='' cmds=''
      flags='--json -h --help -V --version --skip-verify --debug' vopts='--from --to --db-password-file --store --host --profile --token-file --ca-cert --timeout' ;;
    'tokenctl completion')
      subs='' cmds=''
      flags='-h --help -V --version --skip-verify --debug' vopts='--store --host --profile --token-file --ca-cert --timeout' ;;
  esac
}

_tokenctl_option_values() {
  kind='' vals=''
  case "$1|$2" in
    'tokenctl|--store') kind=file ;;
    'tokenctl|--profile') kind=stored vals=profile-names ;;
    'tokenctl|--token-file') kind=file ;;
    'tokenctl|--ca-cert') kind=file ;;
    'tokenctl setup|--store') kind=file ;;
    'tokenctl setup|--profile') kind=stored vals=profile-names ;;
    'tokenctl setup|--token-file') kind=file ;;
    'tokenctl setup|--ca-cert') kind=file ;;
    'tokenctl auth|--store') kind=file ;;
    'tokenctl auth|--profile') kind=stored vals=profile-names ;;
    'tokenctl auth|--token-file') kind=file ;;
    'tokenctl auth|--ca-cert') kind=file ;;
    'tokenctl auth create|--user') kind=stored vals=user-names ;;
    'tokenctl auth create|--org') kind=stored vals=org-names ;;
    'tokenctl auth create|--format') kind=words vals='opaque jwt' ;;
    'tokenctl auth create|--app-default') kind=words vals='allow pending deny' ;;
    'tokenctl auth create|--store') kind=file ;;
    'tokenctl auth create|--profile') kind=stored vals=profile-names ;;
    'tokenctl auth create|--token-file') kind=file ;;
    'tokenctl auth create|--ca-cert') kind=file ;;
    'tokenctl auth list|--user'|'tokenctl auth ls|--user') kind=stored vals=user-names ;;
    'tokenctl auth list|--org'|'tokenctl auth ls|--org') kind=stored vals=org-names ;;
    'tokenctl auth list|--status'|'tokenctl auth ls|--status') kind=words vals='active inactive retired expired' ;;
    'tokenctl auth list|--store'|'tokenctl auth ls|--store') kind=file ;;
    'tokenctl auth list|--profile'|'tokenctl auth ls|--profile') kind=stored vals=profile-names ;;
    'tokenctl auth list|--token-file'|'tokenctl auth ls|--token-file') kind=file ;;
    'tokenctl auth list|--ca-cert'|'tokenctl auth ls|--ca-cert') kind=file ;;
    'tokenctl auth show|--store') kind=file ;;
    'tokenctl auth show|--profile') kind=stored vals=profile-names ;;
    'tokenctl auth show|--token-file') kind=file ;;
    'tokenctl auth show|--ca-cert') kind=file ;;
    'tokenctl auth update|--owner') kind=stored vals=user-names ;;
    'tokenctl auth update|--store') kind=file ;;
    'tokenctl auth update|--profile') kind=stored vals=profile-names ;;
    'tokenctl auth update|--token-file') kind=file ;;
    'tokenctl auth update|--ca-cert') kind=file ;;
    'tokenctl auth activate|--store') kind=file ;;
    'tokenctl auth activate|--profile') kind=stored vals=profile-names ;;
    'tokenctl auth activate|--token-file') kind=file ;;
    'tokenctl auth activate|--ca-cert') kind=file ;;
    'tokenctl auth deactivate|--store') kind=file ;;
    'tokenctl auth deactivate|--profile') kind=stored vals=profile-names ;;
    'tokenctl auth deactivate|--token-file') kind=file ;;
    'tokenctl auth deactivate|--ca-cert') kind=file ;;
    'tokenctl auth retire|--store') kind=file ;;
    'tokenctl auth retire|--profile') kind=stored vals=profile-names ;;
    'tokenctl auth retire|--token-file') kind=file ;;
    'tokenctl auth retire|--ca-cert') kind=file ;;
    'tokenctl auth delete|--store') kind=file ;;
    'tokenctl auth delete|--profile') kind=stored vals=profile-names ;;
    'tokenctl auth delete|--token-file') kind=file ;;
    'tokenctl auth delete|--ca-cert') kind=file ;;
    'tokenctl auth regenerate|--store') kind=file ;;
    'tokenctl auth regenerate|--profile') kind=stored vals=profile-names ;;
    'tokenctl auth regenerate|--token-file') kind=file ;;
    'tokenctl auth regenerate|--ca-cert') kind=file ;;
    'tokenctl auth clone|--store') kind=file ;;
    'tokenctl auth clone|--profile') kind=stored vals=profile-names ;;
    'tokenctl auth clone|--token-file') kind=file ;;
    'tokenctl auth clone|--ca-cert') kind=file ;;
    'tokenctl auth promote|--store') kind=file ;;
    'tokenctl auth promote|--profile') kind=stored vals=profile-names ;;
    'tokenctl auth promote|--token-file') kind=file ;;
    'tokenctl auth promote|--ca-cert') kind=file ;;
    'tokenctl auth revoke-org|--org') kind=stored vals=org-names ;;
    'tokenctl auth revoke-org|--store') kind=file ;;
    'tokenctl auth revoke-org|--profile') kind=stored vals=profile-names ;;
    'tokenctl auth revoke-org|--token-file') kind=file ;;
    'tokenctl auth revoke-org|--ca-cert') kind=file ;;
    'tokenctl auth verify|--org') kind=stored vals=org-names ;;
    'tokenctl auth verify|--jwks') kind=file ;;
    'tokenctl auth verify|--store') kind=file ;;
    'tokenctl auth verify|--profile') kind=stored vals=profile-names ;;
    'tokenctl auth verify|--token-file') kind=file ;;
    'tokenctl auth verify|--ca-cert') kind=file ;;
    'tokenctl auth find|--store') kind=file ;;
    'tokenctl auth find|--profile') kind=stored vals=profile-names ;;
    'tokenctl auth find|--token-file') kind=file ;;
    'tokenctl auth find|--ca-cert') kind=file ;;
    'tokenctl auth apps|--store') kind=file ;;
    'tokenctl auth apps|--profile') kind=stored vals=profile-names ;;
    'tokenctl auth apps|--token-file') kind=file ;;
    'tokenctl auth apps|--ca-cert') kind=file ;;
    'tokenctl auth approve-app|--store') kind=file ;;
    'tokenctl auth approve-app|--profile') kind=stored vals=profile-names ;;
    'tokenctl auth approve-app|--token-file') kind=file ;;
    'tokenctl auth approve-app|--ca-cert') kind=file ;;
    'tokenctl auth deny-app|--store') kind=file ;;
    'tokenctl auth deny-app|--profile') kind=stored vals=profile-names ;;
    'tokenctl auth deny-app|--token-file') kind=file ;;
    'tokenctl auth deny-app|--ca-cert') kind=file ;;
    'tokenctl user|--store') kind=file ;;
    'tokenctl user|--profile') kind=stored vals=profile-names ;;
    'tokenctl user|--token-file') kind=file ;;
    'tokenctl user|--ca-cert') kind=file ;;
    'tokenctl user create|--org') kind=stored vals=org-names ;;
    'tokenctl user create|--role') kind=words vals='admin normal read-only' ;;
    'tokenctl user create|--store') kind=file ;;
    'tokenctl user create|--profile') kind=stored vals=profile-names ;;
    'tokenctl user create|--token-file') kind=file ;;
    'tokenctl user create|--ca-cert') kind=file ;;
    'tokenctl user list|--org'|'tokenctl user ls|--org') kind=stored vals=org-names ;;
    'tokenctl user list|--store'|'tokenctl user ls|--store') kind=file ;;
    'tokenctl user list|--profile'|'tokenctl user ls|--profile') kind=stored vals=profile-names ;;
    'tokenctl user list|--token-file'|'tokenctl user ls|--token-file') kind=file ;;
    'tokenctl user list|--ca-cert'|'tokenctl user ls|--ca-cert') kind=file ;;
    'tokenctl user delete|--org'|'tokenctl user rm|--org') kind=stored vals=org-names ;;
    'tokenctl user delete|--store'|'tokenctl user rm|--store') kind=file ;;
    'tokenctl user delete|--profile'|'tokenctl user rm|--profile') kind=stored vals=profile-names ;;
    'tokenctl user delete|--token-file'|'tokenctl user rm|--token-file') kind=file ;;
    'tokenctl user delete|--ca-cert'|'tokenctl user rm|--ca-cert') kind=file ;;
    'tokenctl org|--store') kind=file ;;
    'tokenctl org|--profile') kind=stored vals=profile-names ;;
    'tokenctl org|--token-file') kind=file ;;
    'tokenctl org|--ca-cert') kind=file ;;
    'tokenctl org create|--store') kind=file ;;
    'tokenctl org create|--profile') kind=stored vals=profile-names ;;
    'tokenctl org create|--token-file') kind=file ;;
    'tokenctl org create|--ca-cert') kind=file ;;
    'tokenctl org list|--store'|'tokenctl org ls|--store') kind=file ;;
    'tokenctl org list|--profile'|'tokenctl org ls|--profile') kind=stored vals=profile-names ;;
    'tokenctl org list|--token-file'|'tokenctl org ls|--token-file') kind=file ;;
    'tokenctl org list|--ca-cert'|'tokenctl org ls|--ca-cert') kind=file ;;
    'tokenctl org keys|--store') kind=file ;;
    'tokenctl org keys|--profile') kind=stored vals=profile-names ;;
    'tokenctl org keys|--token-file') kind=file ;;
    'tokenctl org keys|--ca-cert') kind=file ;;
    'tokenctl org keys rotate|--store') kind=file ;;
    'tokenctl org keys rotate|--profile') kind=stored vals=profile-names ;;
    'tokenctl org keys rotate|--token-file') kind=file ;;
    'tokenctl org keys rotate|--ca-cert') kind=file ;;
    'tokenctl org keys jwks|--store') kind=file ;;
    'tokenctl org keys jwks|--profile') kind=stored vals=profile-names ;;
    'tokenctl org keys jwks|--token-file') kind=file ;;
    'tokenctl org keys jwks|--ca-cert') kind=file ;;
    'tokenctl org keys remove|--store') kind=file ;;
    'tokenctl org keys remove|--profile') kind=stored vals=profile-names ;;
    'tokenctl org keys remove|--token-file') kind=file ;;
    'tokenctl org keys remove|--ca-cert') kind=file ;;
    'tokenctl audit|--store') kind=file ;;
    'tokenctl audit|--profile') kind=stored vals=profile-names ;;
    'tokenctl audit|--token-file') kind=file ;;
    'tokenctl audit|--ca-cert') kind=file ;;
    'tokenctl audit list|--actor'|'tokenctl audit ls|--actor') kind=stored vals=user-names ;;
    'tokenctl audit list|--store'|'tokenctl audit ls|--store') kind=file ;;
    'tokenctl audit list|--profile'|'tokenctl audit ls|--profile') kind=stored vals=profile-names ;;
    'tokenctl audit list|--token-file'|'tokenctl audit ls|--token-file') kind=file ;;
    'tokenctl audit list|--ca-cert'|'tokenctl audit ls|--ca-cert') kind=file ;;
    'tokenctl whoami|--store') kind=file ;;
    'tokenctl whoami|--profile') kind=stored vals=profile-names ;;
    'tokenctl whoami|--token-file') kind=file ;;
    'tokenctl whoami|--ca-cert') kind=file ;;
    'tokenctl config|--store') kind=file ;;
    'tokenctl config|--profile') kind=stored vals=profile-names ;;
    'tokenctl config|--token-file') kind=file ;;
    'tokenctl config|--ca-cert') kind=file ;;
    'tokenctl config create|--org') kind=stored vals=org-names ;;
    'tokenctl config create|--store') kind=file ;;
    'tokenctl config create|--profile') kind=stored vals=profile-names ;;
    'tokenctl config create|--token-file') kind=file ;;
    'tokenctl config create|--ca-cert') kind=file ;;
    'tokenctl config set|--org') kind=stored vals=org-names ;;
    'tokenctl config set|--store') kind=file ;;
    'tokenctl config set|--profile') kind=stored vals=profile-names ;;
    'tokenctl config set|--token-file') kind=file ;;
    'tokenctl config set|--ca-cert') kind=file ;;
    'tokenctl config list|--store'|'tokenctl config ls|--store') kind=file ;;
    'tokenctl config list|--profile'|'tokenctl config ls|--profile') kind=stored vals=profile-names ;;
    'tokenctl config list|--token-file'|'tokenctl config ls|--token-file') kind=file ;;
    'tokenctl config list|--ca-cert'|'tokenctl config ls|--ca-cert') kind=file ;;
    'tokenctl config use|--store') kind=file ;;
    'tokenctl config use|--profile') kind=stored vals=profile-names ;;
    'tokenctl config use|--token-file') kind=file ;;
    'tokenctl config use|--ca-cert') kind=file ;;
    'tokenctl config delete|--store'|'tokenctl config rm|--store') kind=file ;;
    'tokenctl config delete|--profile'|'tokenctl config rm|--profile') kind=stored vals=profile-names ;;
    'tokenctl config delete|--token-file'|'tokenctl config rm|--token-file') kind=file ;;
    'tokenctl config delete|--ca-cert'|'tokenctl config rm|--ca-cert') kind=file ;;
    'tokenctl serve|--tls-cert') kind=file ;;
    'tokenctl serve|--tls-key') kind=file ;;
    'tokenctl serve|--tls-keystore') kind=file ;;
    'tokenctl serve|--db-password-file') kind=file ;;
    'tokenctl serve|--store') kind=file ;;
    'tokenctl serve|--profile') kind=stored vals=profile-names ;;
    'tokenctl serve|--token-file') kind=file ;;
    'tokenctl serve|--ca-cert') kind=file ;;
    'tokenctl store|--store') kind=file ;;
    'tokenctl store|--profile') kind=stored vals=profile-names ;;
    'tokenctl store|--token-file') kind=file ;;
    'tokenctl store|--ca-cert') kind=file ;;
    'tokenctl store copy|--db-password-file') kind=file ;;
    'tokenctl store copy|--store') kind=file ;;
    'tokenctl store copy|--profile') kind=stored vals=profile-names ;;
    'tokenctl store copy|--token-file') kind=file ;;
    'tokenctl store copy|--ca-cert') kind=file ;;
    'tokenctl completion|--store') kind=file ;;
    'tokenctl completion|--profile') kind=stored vals=profile-names ;;
    'tokenctl completion|--token-file') kind=file ;;
    'tokenctl completion|--ca-cert') kind=file ;;
  esac
}

_tokenctl_positional_values() {
  kind='' vals=''
  case "$1" in
    'tokenctl auth show')
      if (( $2 >= 0 && $2 <= 0 )); then kind=stored vals=token-ids; return; fi
      ;;
    'tokenctl auth update')
      if (( $2 >= 0 && $2 <= 0 )); then kind=stored vals=token-ids; return; fi
      ;;
    'tokenctl auth activate')
      if (( $2 >= 0 && $2 <= 0 )); then kind=stored vals=token-ids; return; fi
      ;;
    'tokenctl auth deactivate')
      if (( $2 >= 0 && $2 <= 0 )); then kind=stored vals=token-ids; return; fi
      ;;
    'tokenctl auth retire')
      if (( $2 >= 0 && $2 <= 0 )); then kind=stored vals=token-ids; return; fi
      ;;
    'tokenctl auth delete')
      if (( $2 >= 0 && $2 <= 0 )); then kind=stored vals=token-ids; return; fi
      ;;
    'tokenctl auth regenerate')
      if (( $2 >= 0 && $2 <= 0 )); then kind=stored vals=token-ids; return; fi
      ;;
    'tokenctl auth clone')
      if (( $2 >= 0 && $2 <= 0 )); then kind=stored vals=token-ids; return; fi
      ;;
    'tokenctl auth promote')
      if (( $2 >= 0 && $2 <= 0 )); then kind=stored vals=token-ids; return; fi
      ;;
    'tokenctl auth revoke-org')
      if (( $2 >= 0 && $2 <= 0 )); then kind=stored vals=token-ids; return; fi
      ;;
    'tokenctl auth apps')
      if (( $2 >= 0 && $2 <= 0 )); then kind=stored vals=token-ids; return; fi
      ;;
    'tokenctl auth approve-app')
      if (( $2 >= 0 && $2 <= 0 )); then kind=stored vals=token-ids; return; fi
      ;;
    'tokenctl auth deny-app')
      if (( $2 >= 0 && $2 <= 0 )); then kind=stored vals=token-ids; return; fi
      ;;
    'tokenctl user delete'|'tokenctl user rm')
      if (( $2 >= 0 && $2 <= 0 )); then kind=stored vals=user-names; return; fi
      ;;
    'tokenctl org keys rotate')
      if (( $2 >= 0 && $2 <= 0 )); then kind=stored vals=org-names; return; fi
      ;;
    'tokenctl org keys jwks')
      if (( $2 >= 0 && $2 <= 0 )); then kind=stored vals=org-names; return; fi
      ;;
    'tokenctl org keys remove')
      if (( $2 >= 0 && $2 <= 0 )); then kind=stored vals=org-names; return; fi
      ;;
    'tokenctl config set')
      if (( $2 >= 0 && $2 <= 0 )); then kind=stored vals=profile-names; return; fi
      ;;
    'tokenctl config use')
      if (( $2 >= 0 && $2 <= 0 )); then kind=stored vals=profile-names; return; fi
      ;;
    'tokenctl config delete'|'tokenctl config rm')
      if (( $2 >= 0 && $2 <= 0 )); then kind=stored vals=profile-names; return; fi
      ;;
    'tokenctl completion')
      if (( $2 >= 0 && $2 <= 0 )); then kind=words vals='bash zsh fish'; return; fi
      ;;
  esac
}

_tokenctl_globals='--store --host --profile --token-file --ca-cert --timeout'

# Words as bash splits them: "--store=x" arrives as "--store" "=" "x", a URL's ':' as its own word.
_tokenctl_complete() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} cmdpath=tokenctl
  local w i n=0 skip='' gopt='' join='' lastg='' subs cmds flags vopts kind vals
  local -a globals=()
  _tokenctl_spec "$cmdpath"
  for ((i = 1; i < COMP_CWORD; i++)); do
    w=${COMP_WORDS[i]}
    if [[ -n $join ]]; then join=''; [[ -n $lastg ]] && globals[${#globals[@]}-1]+=$w; continue; fi
    if [[ $w == : ]]; then join=1; [[ -n $lastg ]] && globals[${#globals[@]}-1]+=:; continue; fi
    lastg=''
    if [[ -n $skip ]]; then
      [[ $w == = ]] && continue
      skip=''
      if [[ -n $gopt ]]; then globals+=("$gopt" "${w/#\~/$HOME}"); gopt='' lastg=1; fi
      continue
    fi
    case $w in
      -*=*) [[ " $_tokenctl_globals " == *" ${w%%=*} "* ]] && globals+=("${w%%=*}" "${w#*=}") ;;
      -*) if [[ " $vopts " == *" $w "* ]]; then
            skip=1
            [[ " $_tokenctl_globals " == *" $w "* ]] && gopt=$w
          fi ;;
      *) if ((n == 0)) && [[ " $cmds " == *" $w "* ]]; then
           cmdpath="$cmdpath $w"
           _tokenctl_spec "$cmdpath"
         else
           n=$((n + 1))
         fi ;;
    esac
  done
  if [[ $cur == = ]]; then cur=''; elif [[ $prev == = ]]; then prev=${COMP_WORDS[COMP_CWORD-2]}; fi
  kind=''
  if [[ -n $skip && " $vopts " == *" $prev "* ]]; then
    _tokenctl_option_values "$cmdpath" "$prev"
  elif [[ $cur == -* ]]; then
    kind=words vals="$flags $vopts"
  elif [[ -n $subs ]]; then
    kind=words vals=$subs
  else
    _tokenctl_positional_values "$cmdpath" "$n"
  fi
  COMPREPLY=()
  case $kind in
    words) COMPREPLY=($(compgen -W "$vals" -- "$cur")) ;;
    stored) COMPREPLY=($(compgen -W "$(_tokenctl_stored "$vals" "${globals[@]}")" -- "$cur")) ;;
    file)
      local IFS=$'\n'
      type compopt &>/dev/null && compopt -o filenames 2>/dev/null
      COMPREPLY=($(compgen -f -- "$cur")) ;;
  esac
  return 0
}

# Token ids, org, user or profile names of the store the typed line points at; nothing (and no noise)
# when there is none.
_tokenctl_stored() {
  local what=$1; shift
  command "${COMP_WORDS[0]}" "$@" __complete "$what" 2>/dev/null
}

complete -F _tokenctl_complete tokenctl
