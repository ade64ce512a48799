# The man page and the bash completion of medsearch, rendered from the program's own --help (so they never
# disagree with it): the top-level help, then each subcommand's.
#
#   cmake -DMEDSEARCH=<program> -DMAN=<out .1> -DCOMPLETION=<out bash file> -DVERSION=<x.y.z> -P cmake/help_pages.cmake

cmake_minimum_required(VERSION 3.25)
foreach(required MEDSEARCH MAN COMPLETION VERSION)
  if(NOT ${required})
    message(FATAL_ERROR "help_pages: give -D${required}=...")
  endif()
endforeach()

function(help_of out)
  execute_process(COMMAND ${MEDSEARCH} ${ARGN} --help OUTPUT_VARIABLE text RESULT_VARIABLE failed)
  if(failed)
    message(FATAL_ERROR "help_pages: ${MEDSEARCH} ${ARGN} --help failed")
  endif()
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

# Text as roff: backslashes escaped, and lines that start with . or ' made literal.
function(roff out text)
  string(REPLACE "\\" "\\e" text "${text}")
  string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" text "${text}")
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

# The option names (--long and -s) of one help text: the first field of each line CLI11 starts with an
# option ("  -k,--limit UINT ...").
function(options_of out text)
  string(REGEX MATCHALL "\n  -[^ \n]+" found "\n${text}")
  set(names "")
  foreach(field IN LISTS found)
    string(REGEX REPLACE "^\n  " "" field "${field}")
    string(REPLACE "," ";" field "${field}")
    list(APPEND names ${field})
  endforeach()
  list(REMOVE_DUPLICATES names)
  set(${out} "${names}" PARENT_SCOPE)
endfunction()

help_of(top)
string(REGEX MATCH "Subcommands:\n(.*)" listing "${top}")
string(REGEX MATCHALL "\n  [a-z]+" subcommands "\n${CMAKE_MATCH_1}")
list(TRANSFORM subcommands REPLACE "^\n  " "")
if(NOT subcommands)
  message(FATAL_ERROR "help_pages: no subcommands in ${MEDSEARCH} --help")
endif()

roff(top_roff "${top}")
set(page ".TH MEDSEARCH 1 \"\" \"medsearch ${VERSION}\" \"User Commands\"\n.SH NAME\nmedsearch \\- search sectioned medical question-answer articles by passage\n.SH SYNOPSIS\n.B medsearch\n.I SUBCOMMAND\n[\\fIOPTIONS\\fR]\n.SH DESCRIPTION\n.nf\n${top_roff}.fi\n")
set(cases "")
foreach(subcommand IN LISTS subcommands)
  help_of(text ${subcommand})
  roff(text_roff "${text}")
  string(APPEND page ".SH \"MEDSEARCH ${subcommand}\"\n.nf\n${text_roff}.fi\n")
  options_of(names "${text}")
  list(JOIN names " " words)
  string(APPEND cases "        ${subcommand}) words=\"${words}\" ;;\n")
endforeach()
string(APPEND page ".SH ENVIRONMENT\n.TP\n.B MEDSEARCH_DATA\nThe folder of the bundled data (its synonyms/ folder); by default share/medsearch beside the program's bin/, or the repository's corpus/ for a program in a build folder.\n.SH \"SEE ALSO\"\n.BR xapian-tcpsrv (1),\n.BR delve (1)\n")
file(WRITE "${MAN}" "${page}")

list(JOIN subcommands " " subcommand_words)
file(WRITE "${COMPLETION}" "# bash completion for medsearch, rendered from its --help (cmake/help_pages.cmake).
_medsearch() {
    local current=\${COMP_WORDS[COMP_CWORD]} subcommand=\"\" word words
    for word in \"\${COMP_WORDS[@]:1:COMP_CWORD-1}\"; do
        case \$word in -*) ;; *) subcommand=\$word; break ;; esac
    done
    case \$subcommand in
        \"\") words=\"${subcommand_words} --help --version\" ;;
${cases}        *) words=\"\" ;;
    esac
    if [[ \$current == -* || -z \$subcommand ]]; then
        COMPREPLY=(\$(compgen -W \"\$words\" -- \"\$current\"))
    else
        COMPREPLY=(\$(compgen -f -- \"\$current\"))
    fi
}
complete -o filenames -F _medsearch medsearch
")
