#!/usr/bin/env bash
# Builds tokenctl and installs it for the current user (no root needed):
#   $PREFIX/bin/tokenctl                 launcher
#   $PREFIX/share/tokenctl/              jar (and start-up caches)
#   completion scripts and man pages, when the build made them
# PREFIX defaults to ~/.local. Re-running it replaces the previous install.
# Options: --skip-build  install target/tokenctl.jar as it is (used by the end-to-end tests)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
PREFIX=${PREFIX:-$HOME/.local}
skip_build=false
for arg in "$@"; do
  case "$arg" in
    --skip-build) skip_build=true ;;
    -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install.sh: unknown option '$arg' (accepted: --skip-build, --help)" >&2; exit 2 ;;
  esac
done

die() { echo "install.sh: $*" >&2; exit 1; }

# Java 17 or newer: the launcher runs the java found here.
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then java_bin="$JAVA_HOME/bin/java"
elif command -v java >/dev/null 2>&1; then java_bin=$(command -v java)
else die "no Java found: install a JDK 17 or newer (e.g. apt-get install openjdk-17-jdk) or set JAVA_HOME"; fi
java_major=$("$java_bin" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
case "$java_major" in 1.*|"") java_major=0 ;; esac
[ "$java_major" -ge 17 ] 2>/dev/null || die "$java_bin is Java ${java_major:-unknown}; tokenctl needs Java 17 or newer (set JAVA_HOME)"
java_bin=$(readlink -f "$java_bin")

jar="$here/target/tokenctl.jar"
if ! $skip_build; then
  command -v javac >/dev/null 2>&1 || [ -x "${JAVA_HOME:-/nonexistent}/bin/javac" ] \
    || die "no javac found: building needs a JDK 17+ (not only a JRE)"
  # The Maven Wrapper fetches Maven itself; it needs curl or wget the first time.
  if [ ! -d "$HOME/.m2/wrapper/dists" ] && ! command -v curl >/dev/null 2>&1 && ! command -v wget >/dev/null 2>&1; then
    die "the Maven Wrapper needs curl or wget to fetch Maven the first time (or install Maven 3.9+ and run mvn -DskipTests package)"
  fi
  echo "Building tokenctl (./mvnw -B -q -DskipTests package)..."
  (cd "$here" && ./mvnw -B -q -DskipTests package) || die "the build failed; see the Maven output above"
fi
[ -f "$jar" ] || die "no $jar: run without --skip-build"

share="$PREFIX/share/tokenctl"
bin="$PREFIX/bin"
mkdir -p "$share" "$bin"
install -m 0644 "$jar" "$share/tokenctl.jar.new" && mv -f "$share/tokenctl.jar.new" "$share/tokenctl.jar"

launcher="$bin/tokenctl"
cat > "$launcher.new" <<LAUNCHER
#!/bin/sh
# tokenctl launcher, written by install.sh. JAVA and TOKENCTL_JAVA_OPTS override the defaults.
share='$share'
java="\${JAVA:-$java_bin}"
# Short-lived CLI runs: C1 only and the serial GC start fastest (see bench/README.md).
exec "\$java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto \\
  -Dslf4j.internal.verbosity=ERROR \$TOKENCTL_JAVA_OPTS -jar "\$share/tokenctl.jar" "\$@"
LAUNCHER
chmod 0755 "$launcher.new" && mv -f "$launcher.new" "$launcher"

# Completion scripts and man pages, where each shell and man look for user-level files.
if [ -d "$here/completion" ]; then
  [ -f "$here/completion/tokenctl.bash" ] && install -D -m 0644 "$here/completion/tokenctl.bash" "$PREFIX/share/bash-completion/completions/tokenctl"
  [ -f "$here/completion/_tokenctl" ] && install -D -m 0644 "$here/completion/_tokenctl" "$PREFIX/share/zsh/site-functions/_tokenctl"
  [ -f "$here/completion/tokenctl.fish" ] && install -D -m 0644 "$here/completion/tokenctl.fish" "${XDG_CONFIG_HOME:-$HOME/.config}/fish/completions/tokenctl.fish"
fi
if compgen -G "$here/man/*.1" >/dev/null; then
  mkdir -p "$PREFIX/share/man/man1"
  install -m 0644 "$here"/man/*.1 "$PREFIX/share/man/man1/"
fi

echo "Installed $launcher (Java: $java_bin)."
case ":$PATH:" in
  *":$bin:"*) ;;
  *) echo "Add it to your PATH:  export PATH=\"$bin:\$PATH\"   (e.g. in ~/.bashrc)" ;;
esac
