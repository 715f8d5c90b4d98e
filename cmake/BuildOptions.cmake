# SPDX-License-Identifier: Apache-2.0
# Compiler settings shared by every target of the project, carried by an interface target
# instead of global flags.

find_program(OTELCONSOLE_CCACHE ccache)
if(OTELCONSOLE_CCACHE AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
    set(CMAKE_CXX_COMPILER_LAUNCHER ${OTELCONSOLE_CCACHE})
endif()

set(OTELCONSOLE_SANITIZE "" CACHE STRING "Sanitizers to build with, e.g. address,undefined")
option(OTELCONSOLE_WERROR "Treat warnings as errors" OFF)

add_library(otelconsole_build_options INTERFACE)
target_compile_features(otelconsole_build_options INTERFACE cxx_std_23)
target_compile_options(otelconsole_build_options INTERFACE -Wall -Wextra -Wshadow -Wnon-virtual-dtor
                       $<$<BOOL:${OTELCONSOLE_WERROR}>:-Werror>)
target_compile_definitions(otelconsole_build_options INTERFACE QT_NO_KEYWORDS
                           QT_USE_QSTRINGBUILDER)

if(OTELCONSOLE_SANITIZE)
    target_compile_options(otelconsole_build_options INTERFACE -fsanitize=${OTELCONSOLE_SANITIZE}
                           -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(otelconsole_build_options INTERFACE -fsanitize=${OTELCONSOLE_SANITIZE})
endif()
