#!/usr/bin/env bash
# Start-up of the packaged console against a bare JavaFX window on the same jlinked runtime, from
# process start to the first pulse of the first window (StartupProbe, as StartupBenchmark does for
# `java -cp`). Linux; needs xvfb-run, or a display.
#
# Usage, from the project directory:
#   mvn -Ppackage -DskipTests package && mvn test-compile
#   packaging/cds/measure-startup.sh [image dir, default target/jpackage/image/Enscope] [runs, default 5] [test classes, default target/test-classes]
#
# The image is copied twice into a temporary directory (with CDS=packaged the copies also show that
# the image's CDS archive survives being moved, as it is by the installer): one with the probe added
# to the class path, one
# whose main class is the bare window (io.enscope.bench.BareWindow) and whose launcher passes none of
# Enscope's JVM tuning options (pom property app.jvm.options, the -XX: lines of the .cfg): a bare
# window is a plain JavaFX launch, as in StartupBenchmark. Runs alternate.
#
# Each copy is then set up as the Linux packages set up an installed console (postinst, %post): its
# runtime's CDS archive is made again at its final place with the application's classes as well,
# from lib/app/enscope-installed.classlist for Enscope and from a class list of its own first run
# for the bare window, so that each gets the best archive it can have. CDS=packaged keeps the
# image's archive instead (JDK and JavaFX classes only): how the image starts without an installer
# that archives (the app image itself; Windows and macOS so far). CDS=both measures the two ways
# in one run, alternating (four copies), and prints both.
set -euo pipefail
image="${1:-target/jpackage/image/Enscope}"
runs="${2:-5}"
tests="${3:-target/test-classes}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$tests" && jar cf "$work/probe.jar" io/enscope/bench/StartupProbe*.class io/enscope/bench/BareWindow*.class)

prepare() { # $1 copy name, $2 main class
    cp -rp "$image" "$work/$1"
    cp "$work/probe.jar" "$work/$1/lib/app/"
    sed -i "s|^app.mainclass=.*|app.classpath=\$APPDIR/probe.jar\napp.mainclass=$2|" "$work/$1/lib/app/Enscope.cfg"
    printf 'java-options=-Djavafx.preloader=io.enscope.bench.StartupProbe\n' >> "$work/$1/lib/app/Enscope.cfg"
}
cds="${CDS:-installed}"
[[ -f "$image/lib/runtime/lib/server/classes.jsa" ]] || cds="none"
case "$cds" in
    installed) pairs=(installed) ;;
    both) pairs=(installed packaged) ;;
    *) pairs=(packaged) ;;
esac
for pair in "${pairs[@]}"; do
    prepare "enscope-$pair" io.enscope.Main
    prepare "bare-$pair" io.enscope.bench.BareWindow\$Launcher
    sed -i '/^java-options=-XX:/d' "$work/bare-$pair/lib/app/Enscope.cfg"
done

xrun=()
[[ -z "${DISPLAY:-}" ]] && xrun=(xvfb-run -a -s "-screen 0 1920x1080x24")
archive() { # $1 copy name, $2 class list: the runtime's archive made again, as postinst does
    local jsa="$work/$1/lib/runtime/lib/server/classes.jsa"
    JAVA_TOOL_OPTIONS="-Xshare:dump -XX:SharedClassListFile=$2 -XX:SharedArchiveFile=$jsa.new -Xlog:all=off" \
        "$work/$1/bin/Enscope" >/dev/null 2>&1
    mv -f "$jsa.new" "$jsa"
}
if [[ "${pairs[0]}" == installed ]]; then
    archive enscope-installed "$work/enscope-installed/lib/app/enscope-installed.classlist"
    JAVA_TOOL_OPTIONS="-Denscope.data.dir=$(mktemp -d -p "$work") -Denscope.startup.exit=true -XX:DumpLoadedClassList=$work/bare.classlist" \
        timeout 60 "${xrun[@]}" "$work/bare-installed/bin/Enscope" >/dev/null 2>&1
    archive bare-installed "$work/bare.classlist"
fi
echo "image $image (CDS archive: $cds), $runs runs each, $(nproc) CPUs, load average $(cut -d' ' -f1 /proc/loadavg)"
measure() { # $1 copy name -> prints pulse ms (a run that prints nothing within 60 s is killed)
    local data; data="$(mktemp -d -p "$work")"
    JAVA_TOOL_OPTIONS="-Denscope.data.dir=$data" timeout 60 "${xrun[@]}" "$work/$1/bin/Enscope" 2>/dev/null \
        | sed -n 's/.*STARTUP showing=[0-9]* pulse=\([0-9]*\).*/\1/p'
}
declare -A shown
for ((i = 1; i <= runs; i++)); do
    line="run $i:"
    for pair in "${pairs[@]}"; do
        e="$(measure "enscope-$pair")"; b="$(measure "bare-$pair")"
        shown[enscope-$pair]+="$e "; shown[bare-$pair]+="$b "
        line+=" [$pair] Enscope $e ms, bare $b ms"
    done
    echo "$line"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }
for pair in "${pairs[@]}"; do
    # shellcheck disable=SC2086 # the lists are space-separated numbers
    me="$(median ${shown[enscope-$pair]})"; mb="$(median ${shown[bare-$pair]})"
    echo "window shown, from JVM start (median of $runs, archive $pair): Enscope $me ms, bare $mb ms, ratio $(awk -v a="$me" -v b="$mb" 'BEGIN {printf "%.2f", a/b}')  (budget: <= 1.5); load average $(cut -d' ' -f1 /proc/loadavg)"
done
