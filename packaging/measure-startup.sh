#!/usr/bin/env bash
# Start-up of the packaged console against a bare JavaFX window on the same jlinked runtime, from
# process start to the first pulse of the first window (StartupProbe, as StartupBenchmark does for
# `java -cp`). Linux; needs xvfb-run, or a display.
#
# Usage, from the project directory:
#   mvn -Ppackage -DskipTests package && mvn test-compile
#   packaging/measure-startup.sh [image dir, default target/jpackage/image/Enscope] [runs, default 5] [test classes, default target/test-classes]
#
# The image is copied twice into a temporary directory: one with the probe added to the class
# path, one whose main class is the bare window (io.enscope.bench.BareWindow) and whose launcher
# passes none of Enscope's JVM options (the -XX: lines of the .cfg): a bare window is a plain
# JavaFX launch, as in StartupBenchmark. Both use the runtime's default CDS archive. Runs alternate.
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
prepare enscope io.enscope.Main
prepare bare io.enscope.bench.BareWindow\$Launcher
sed -i '/^java-options=-XX:/d' "$work/bare/lib/app/Enscope.cfg"

xrun=()
[[ -z "${DISPLAY:-}" ]] && xrun=(xvfb-run -a -s "-screen 0 1920x1080x24")
echo "image $image, $runs runs each, $(nproc) CPUs, load average $(cut -d' ' -f1 /proc/loadavg)"
measure() { # $1 copy name -> prints pulse ms (a run that prints nothing within 60 s is killed)
    local data; data="$(mktemp -d -p "$work")"
    JAVA_TOOL_OPTIONS="-Denscope.data.dir=$data" timeout 60 "${xrun[@]}" "$work/$1/bin/Enscope" 2>/dev/null \
        | sed -n 's/.*STARTUP showing=[0-9]* pulse=\([0-9]*\).*/\1/p'
}
enscope=(); bare=()
for ((i = 1; i <= runs; i++)); do
    e="$(measure enscope)"; b="$(measure bare)"
    enscope+=("$e"); bare+=("$b")
    echo "run $i: Enscope $e ms, bare $b ms"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }
me="$(median "${enscope[@]}")"; mb="$(median "${bare[@]}")"
echo "window shown, from JVM start (median of $runs): Enscope $me ms, bare $mb ms, ratio $(awk -v a="$me" -v b="$mb" 'BEGIN {printf "%.2f", a/b}')  (budget: <= 2); load average $(cut -d' ' -f1 /proc/loadavg)"
