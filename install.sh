#!/usr/bin/env bash
# Builds tokenctl and installs it for the current user (no root needed):
#   $PREFIX/bin/tokenctl                 launcher
#   $PREFIX/lib/tokenctl/                jar, native/ (sqlite-jdbc's library, extracted once),
#                                        runtime/ (a private Java runtime made by jlink from the JDK found,
#                                        with only the modules tokenctl uses) and cds/ (class-data archive
#                                        for this jar and runtime): both for a faster start
#   completion scripts and man pages, when the build made them
# PREFIX defaults to ~/.local. Re-running it replaces the previous install.
# Options: --skip-build  install target/tokenctl.jar as it is (used by the end-to-end tests)
# Env: TOKENCTL_NO_CDS=1 skips the class-data archive, TOKENCTL_NO_RUNTIME=1 the private runtime
#      (bench/run.sh measures with and without each).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
PREFIX=${PREFIX:-$HOME/.local}
skip_build=false
for arg in "$@"; do
  case "$arg" in
    --skip-build) skip_build=true ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install.sh: unknown option '$arg' (accepted: --skip-build, --help)" >&2; exit 2 ;;
  esac
done

die() { echo "install.sh: $*" >&2; exit 1; }
# a line per stage, so minutes of building never look like a hang
step() { echo "install.sh: $*"; }

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
  step "building tokenctl (./mvnw -DskipTests package; the first build downloads Maven and the dependencies: minutes)..."
  if [ -t 1 ]; then
    # at a terminal, Maven's own progress (without its colours' escapes in a log, -B)
    (cd "$here" && ./mvnw -B -DskipTests package | grep -E --line-buffered '^\[(INFO|WARNING|ERROR)\] (Building|---|BUILD|Total time|Downloading from|\[ERROR\]|ERROR)|^\[ERROR\]' ; exit "${PIPESTATUS[0]}") \
      || die "the build failed; see the Maven output above"
  else
    (cd "$here" && ./mvnw -B -q -DskipTests package) || die "the build failed; see the Maven output above"
  fi
fi
[ -f "$jar" ] || die "no $jar: run without --skip-build"

# program files; not $PREFIX/share/tokenctl, which is the default data folder (the store) when PREFIX=~/.local
share="$PREFIX/lib/tokenctl"
# an earlier install kept program files in $PREFIX/share/tokenctl: remove those (never the store beside them)
old_share="$PREFIX/share/tokenctl"
rm -f "$old_share/tokenctl.jar" && rm -rf "$old_share/native" "$old_share/cds"
bin="$PREFIX/bin"
mkdir -p "$share" "$bin"
step "installing the jar into $share..."
install -m 0644 "$jar" "$share/tokenctl.jar.new" && mv -f "$share/tokenctl.jar.new" "$share/tokenctl.jar"

# sqlite-jdbc otherwise copies its native library out of the jar to the temp dir on every run:
# extract it once, next to the jar, and point the launcher at it (bench/README.md has the figures).
native_dir="$share/native"
rm -rf "$native_dir"
case "$(uname -s)" in Linux) os=Linux ;; Darwin) os=Mac ;; *) os= ;; esac
if [ "$os" = Linux ] && compgen -G '/lib/ld-musl-*' >/dev/null; then os=Linux-Musl; fi
case "$(uname -m)" in x86_64|amd64) arch=x86_64 ;; aarch64|arm64) arch=aarch64 ;; *) arch= ;; esac
libname=libsqlitejdbc.so; [ "$os" = Mac ] && libname=libsqlitejdbc.dylib
if [ -n "$os" ] && [ -n "$arch" ]; then
  entry="org/sqlite/native/$os/$arch/$libname"
  mkdir -p "$native_dir"
  if command -v unzip >/dev/null 2>&1; then
    unzip -p "$share/tokenctl.jar" "$entry" > "$native_dir/$libname" 2>/dev/null || rm -f "$native_dir/$libname"
  else
    # the JDK's own zip reader, through a single-file program (java 11+ runs .java sources)
    printf '%s\n' 'public class X { public static void main(String[] a) throws Exception { try (var z = new java.util.zip.ZipFile(a[0])) { var e = z.getEntry(a[1]); if (e == null) System.exit(1); try (var in = z.getInputStream(e); var out = new java.io.FileOutputStream(a[2])) { in.transferTo(out); } } } }' > "$native_dir/X.java"
    "$java_bin" "$native_dir/X.java" "$share/tokenctl.jar" "$entry" "$native_dir/$libname" 2>/dev/null || rm -f "$native_dir/$libname"
    rm -f "$native_dir/X.java"
  fi
  [ -s "$native_dir/$libname" ] || { rm -rf "$native_dir"; echo "install.sh: note: no $entry in the jar; sqlite-jdbc will extract it at run time"; }
fi

# A private runtime: jlink'd from this JDK with only the modules tokenctl uses. Without jdk.jfr in it JDBI
# registers no flight-recorder event, which is about 40 ms of every start, and a smaller module graph boots
# faster (bench/README.md has the figures). It is tied to the JDK's exact version: once that JDK is updated the
# launcher runs the updated JDK instead (so its fixes apply at once) until install.sh runs again.
runtime="$share/runtime"
rm -rf "$runtime" "$runtime.new"
run_java=$java_bin
jdk_home=$(dirname "$(dirname "$java_bin")")
jdk_version=$(sed -n 's/^JAVA_RUNTIME_VERSION=//p' "$jdk_home/release" 2>/dev/null | tr -d '"' || true)
make_runtime() {
  local jlink="$jdk_home/bin/jlink" mods
  [ -x "$jlink" ] && [ -n "$jdk_version" ] || return 1
  # the store (java.sql; for PostgreSQL, pgjdbc's GSS and HikariCP's pool beans: java.security.jgss,
  # java.management), the remote client and server (java.net.http, jdk.httpserver, and jdk.crypto.ec for TLS), the
  # loggers libraries reach for, and every charset a terminal may use
  mods=java.base,java.sql,java.logging,java.naming,java.management,java.security.jgss,java.net.http,jdk.httpserver,jdk.crypto.ec,jdk.charsets
  "$jlink" --add-modules "$mods" --strip-debug --no-header-files --no-man-pages \
      --strip-native-debug-symbols=exclude-debuginfo-files --output "$runtime.new" >/dev/null 2>&1 \
    || { rm -rf "$runtime.new"; "$jlink" --add-modules "$mods" --strip-debug --no-header-files --no-man-pages \
      --output "$runtime.new" >/dev/null 2>&1; } \
    && "$runtime.new/bin/java" -version >/dev/null 2>&1 && mv "$runtime.new" "$runtime" \
    || { rm -rf "$runtime.new"; return 1; }
}
if [ "${TOKENCTL_NO_RUNTIME:-}" != 1 ]; then
  step "making a private Java runtime with only the modules tokenctl uses (jlink, a few seconds)..."
  if make_runtime; then
    run_java="$runtime/bin/java"
  else
    echo "install.sh: note: no private runtime (needs jlink, from a full JDK); tokenctl runs on $java_bin"
  fi
fi

launcher="$bin/tokenctl"
# a value as one single-quoted shell word, for the launcher script
q() { printf "'%s'" "$(printf %s "$1" | sed "s/'/'\\\\''/g")"; }
write_launcher() { # $1: the class-data archive to use, or empty
{
cat <<LAUNCHER
#!/bin/sh
# tokenctl launcher, written by install.sh. JAVA and TOKENCTL_JAVA_OPTS override the defaults.
set -f
share=$(q "$share")
java=\$JAVA
if [ -z "\$java" ]; then
  java=$(q "$java_bin")
LAUNCHER
if [ "$run_java" != "$java_bin" ]; then
cat <<LAUNCHER
  # The private runtime while the JDK it was made from is still that version; once that JDK is updated, the JDK.
  release=$(q "$jdk_home/release")
  if [ -r "\$release" ]; then
    now=
    while IFS= read -r line || [ -n "\$line" ]; do
      case \$line in JAVA_RUNTIME_VERSION=*) now=\${line#*=}; now=\${now#\\"}; now=\${now%\\"} ;; esac
    done < "\$release"
    [ "\$now" = $(q "$jdk_version") ] && java=$(q "$run_java")
  else
    java=$(q "$run_java")
    echo $(q "tokenctl: note: $jdk_home, the JDK this install was made from, is gone; running its private copy (Java $jdk_version), which gets no updates: run install.sh again") >&2
  fi
LAUNCHER
fi
cat <<LAUNCHER
fi
# Is this run \`tokenctl serve\`? Its command word, after any root options (those six take a value).
server=no skip=no
for arg in "\$@"; do
  if [ "\$skip" = yes ]; then skip=no; continue; fi
  case \$arg in
    --store|--host|--profile|--token-file|--ca-cert|--timeout) skip=yes ;;
    -*) ;;
    serve) server=yes; break ;;
    *) break ;;
  esac
done
set -- -jar "\$share/tokenctl.jar" "\$@"
# TOKENCTL_JAVA_OPTS is split into words on purpose (several options); it comes after the defaults, so it wins.
set -- \$TOKENCTL_JAVA_OPTS "\$@"
set -- -Dslf4j.internal.verbosity=ERROR "\$@"
# Class-data archive of this jar for this runtime (made by install.sh), used only with the runtime that made it;
# -Xshare:auto ignores a stale one, and its warnings are silenced.
archive=$(q "$1")
if [ -n "\$archive" ] && [ -f "\$archive" ] && [ "\$java" = $(q "$run_java") ]; then
  set -- "-XX:SharedArchiveFile=\$archive" -Xlog:cds=off -Xlog:cds+dynamic=off "\$@"
fi
# sqlite-jdbc's native library, extracted once by install.sh (else it extracts it per run).
if [ -f "\$share/native/$libname" ]; then
  set -- "-Dorg.sqlite.lib.path=\$share/native" -Dorg.sqlite.lib.name=$libname "\$@"
fi
# Short-lived CLI runs start fastest with C1 only and one compiler thread (a second one takes a core from the
# program on a small machine), unless TOKENCTL_JAVA_OPTS chooses the compilers itself; and the serial GC.
# A long-running serve gets the JVM's defaults: both compilers, which its throughput needs, and its usual GC.
case " \$TOKENCTL_JAVA_OPTS " in
  *Tiered*|*CICompilerCount*|*" -Xint "*|*" -Xcomp "*) ;;
  *) [ "\$server" = yes ] || set -- -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 "\$@" ;;
esac
[ "\$server" = yes ] || set -- -XX:+UseSerialGC "\$@"
exec "\$java" -Xshare:auto "\$@"
LAUNCHER
} > "$launcher.new"
chmod 0755 "$launcher.new" && mv -f "$launcher.new" "$launcher"
}
write_launcher ""

# A static AppCDS archive: the classes a few representative runs load, parsed and laid out once, keyed by the
# jar's hash and the JDK's version. Any failure here only leaves tokenctl without the archive.
make_archive() {
  local key jdk tmp cds archive
  command -v sha256sum >/dev/null 2>&1 || return 1
  jdk=$("$run_java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.runtime.version = //p' | tr -c 'A-Za-z0-9.\n-' '_')
  key=$(sha256sum "$share/tokenctl.jar" | cut -c1-16)
  cds="$share/cds"
  archive="$cds/tokenctl-$key-jdk$jdk.jsa"
  rm -rf "$cds" && mkdir -p "$cds" || return 1
  tmp=$(mktemp -d) || return 1
  (
    set +e
    export HOME="$tmp" XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" TOKENCTL_STORE="$tmp/train.db"
    unset TOKENCTL_HOST TOKENCTL_TOKEN TOKENCTL_PROFILE
    n=0
    train() { n=$((n + 1)); "$launcher" "$@" >/dev/null 2>&1; }
    export TOKENCTL_JAVA_OPTS="-XX:DumpLoadedClassList=$tmp/1.classlist"; train setup --username admin --org train
    export TOKENCTL_JAVA_OPTS="-XX:DumpLoadedClassList=$tmp/2.classlist"; train auth create -q --read-buckets
    export TOKENCTL_JAVA_OPTS="-XX:DumpLoadedClassList=$tmp/3.classlist"; train auth list --json
    export TOKENCTL_JAVA_OPTS="-XX:DumpLoadedClassList=$tmp/4.classlist"; train auth list
    id=$(TOKENCTL_JAVA_OPTS= "$launcher" auth list --hide-headers 2>/dev/null | awk 'NR==1 {print $1}')
    export TOKENCTL_JAVA_OPTS="-XX:DumpLoadedClassList=$tmp/5.classlist"; train auth show "$id" --json
    export TOKENCTL_JAVA_OPTS="-XX:DumpLoadedClassList=$tmp/6.classlist"; train auth create --help
    # the whole command tree (runs build only their own branch, so the others would be left out)
    export TOKENCTL_JAVA_OPTS="-XX:DumpLoadedClassList=$tmp/7.classlist"; train --help
    export TOKENCTL_JAVA_OPTS="-XX:DumpLoadedClassList=$tmp/8.classlist"; train user list
    # JDK 21+ numbers the classes of each list ("name id: N"); numbers from several runs clash, and classes
    # of the built-in loaders don't need them
    cat "$tmp"/*.classlist | grep -v '^#' | sed 's/ id: [0-9][0-9]*$//' | awk '!seen[$0]++' > "$tmp/all.classlist"
  )
  [ -s "$tmp/all.classlist" ] \
    && "$run_java" -XX:+UseSerialGC -Xshare:dump -XX:SharedClassListFile="$tmp/all.classlist" \
         -XX:SharedArchiveFile="$archive" -cp "$share/tokenctl.jar" >"$tmp/dump.log" 2>&1 \
    && [ -s "$archive" ] && "$run_java" -Xshare:on -XX:SharedArchiveFile="$archive" -cp "$share/tokenctl.jar" \
         -XX:+UseSerialGC -version >/dev/null 2>&1
  local ok=$?
  rm -rf "$tmp"
  [ $ok -eq 0 ] || { rm -rf "$cds"; return 1; }
  write_launcher "$archive"
}
if [ "${TOKENCTL_NO_CDS:-}" = 1 ]; then
  rm -rf "$share/cds"
elif step "training a class-data archive for a fast start (8 short runs)..." && ! make_archive; then
  echo "install.sh: note: no class-data archive (start-up will be slower); tokenctl works without it"
fi

# Completion scripts and man pages, where each shell and man look for user-level files.
step "installing shell completion and man pages..."
if [ -d "$here/completion" ]; then
  [ -f "$here/completion/tokenctl.bash" ] && install -D -m 0644 "$here/completion/tokenctl.bash" "$PREFIX/share/bash-completion/completions/tokenctl"
  [ -f "$here/completion/_tokenctl" ] && install -D -m 0644 "$here/completion/_tokenctl" "$PREFIX/share/zsh/site-functions/_tokenctl"
  [ -f "$here/completion/tokenctl.fish" ] && install -D -m 0644 "$here/completion/tokenctl.fish" "${XDG_CONFIG_HOME:-$HOME/.config}/fish/completions/tokenctl.fish"
fi
if compgen -G "$here/man/*.1" >/dev/null; then
  mkdir -p "$PREFIX/share/man/man1"
  install -m 0644 "$here"/man/*.1 "$PREFIX/share/man/man1/"
fi

if [ "$run_java" = "$java_bin" ]; then
  echo "Installed $launcher (Java: $java_bin)."
else
  echo "Installed $launcher (Java: a private runtime made from $java_bin)."
fi
case ":$PATH:" in
  *":$bin:"*) ;;
  *) echo "Add it to your PATH:  export PATH=\"$bin:\$PATH\"   (e.g. in ~/.bashrc)" ;;
esac
