# Warnings, Qt safety defines and hardening, applied per target through mtr_target_defaults().

function(mtr_target_defaults target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow
                                             -fstack-protector-strong)
    if(MTR_WERROR)
        # GCC 12's maybe-uninitialized fires on std::optional at -O2 (a known false positive);
        # it stays a warning so an optimised CI build does not fail where a debug build passes.
        target_compile_options(${target} PRIVATE -Werror -Wno-error=maybe-uninitialized)
    endif()
    target_compile_definitions(${target} PRIVATE
        QT_NO_CAST_FROM_ASCII
        QT_NO_CAST_TO_ASCII
        QT_NO_URL_CAST_FROM_STRING
        QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
        QT_DISABLE_DEPRECATED_BEFORE=0x060400
        $<$<NOT:$<CONFIG:Debug>>:_FORTIFY_SOURCE=2>)
    target_link_options(${target} PRIVATE -Wl,-z,relro -Wl,-z,now)
    if(MTR_SANITIZE)
        string(REPLACE ";" "," _san "${MTR_SANITIZE}")
        target_compile_options(${target} PRIVATE -fsanitize=${_san} -fno-omit-frame-pointer)
        target_link_options(${target} PRIVATE -fsanitize=${_san})
    endif()
endfunction()

# mtr_add_library(NAME part SOURCES ... LIBS ...): builds mtr_<part> with alias Mtr::<Part>.
function(mtr_add_library)
    cmake_parse_arguments(ARG "" "NAME" "SOURCES;LIBS;PRIVATE_LIBS" ${ARGN})
    set(target mtr_${ARG_NAME})
    add_library(${target} STATIC ${ARG_SOURCES})
    string(SUBSTRING ${ARG_NAME} 0 1 _first)
    string(TOUPPER ${_first} _first)
    string(SUBSTRING ${ARG_NAME} 1 -1 _rest)
    add_library(Mtr::${_first}${_rest} ALIAS ${target})
    target_include_directories(${target} PUBLIC ${PROJECT_SOURCE_DIR}/src)
    target_link_libraries(${target} PUBLIC ${ARG_LIBS} PRIVATE ${ARG_PRIVATE_LIBS})
    mtr_target_defaults(${target})
endfunction()
