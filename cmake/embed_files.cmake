# Turns files into a C++ source holding them as byte arrays, so a program
# carries them inside its binary. Run as a script:
#   cmake -DOUTPUT=web_files.cc -DBASE=web -DFILES="index.html;app.js" -P embed_files.cmake
# The output defines lede::cli::kWebFiles (a name, bytes and size per file,
# ending with a null name), declared in apps/cli/web_files.h.
cmake_minimum_required(VERSION 3.20)
set(out "// Generated from ${BASE} by cmake/embed_files.cmake; do not edit.\n")
string(APPEND out "#include \"web_files.h\"\n\nnamespace lede::cli {\nnamespace {\n")
set(table "")
set(index 0)
foreach(name ${FILES})
  file(READ "${BASE}/${name}" hex HEX)
  string(LENGTH "${hex}" hex_length)
  math(EXPR size "${hex_length} / 2")
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
  string(REGEX REPLACE "((0x..,){24})" "\\1\n" bytes "${bytes}")
  string(APPEND out "const unsigned char kFile${index}[] = {\n${bytes}0};\n")
  string(APPEND table "    {\"/${name}\", kFile${index}, ${size}},\n")
  math(EXPR index "${index} + 1")
endforeach()
string(APPEND out "}  // namespace\n\nconst WebFile kWebFiles[] = {\n${table}    {nullptr, nullptr, 0},\n};\n\n}  // namespace lede::cli\n")
file(WRITE "${OUTPUT}.tmp" "${out}")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
