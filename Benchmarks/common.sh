# Shared by the benchmark scripts (source it after setting `here` and `count`): generates the
# deterministic corpus when missing, lists its files in $out/files.txt, and builds the C floor
# (a bare libyaml event loop) as $out/floor.
corpus="$here/corpus"
out="$here/out"
mkdir -p "$out"
if [ ! -f "$corpus/.complete-$count" ]; then
    rm -rf "$corpus"
    python3 "$here/generate.py" "$corpus" "$count"
    touch "$corpus/.complete-$count"
fi
find "$corpus" -name '*.yaml' | sort > "$out/files.txt"
gcc -O2 -Wall -o "$out/floor" "$here/floor.c" $(pkg-config --cflags --libs yaml-0.1)
