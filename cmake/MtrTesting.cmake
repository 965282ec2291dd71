# mtr_add_test(NAME TestX SOURCES ... LIBS ... [GUI] [LABELS ...] [WRAP ...] [FIXTURES ...]
#              [ENVIRONMENT ...] [TIMEOUT s])
# One executable per test class. GUI tests run on the offscreen platform unless the
# environment says otherwise; every test gets a timeout so a hung keychain prompt or a
# dead server fails the run instead of stalling it.
set(MTR_TEST_OUTPUT_DIR ${PROJECT_BINARY_DIR}/test-output)
file(MAKE_DIRECTORY ${MTR_TEST_OUTPUT_DIR})

function(mtr_add_test)
    cmake_parse_arguments(ARG "GUI" "NAME;TIMEOUT"
                          "SOURCES;LIBS;LABELS;WRAP;FIXTURES;ENVIRONMENT" ${ARGN})
    qt_add_executable(${ARG_NAME} ${ARG_SOURCES})
    target_link_libraries(${ARG_NAME} PRIVATE Qt6::Test ${ARG_LIBS})
    target_include_directories(${ARG_NAME} PRIVATE ${PROJECT_SOURCE_DIR}/tests)
    target_compile_definitions(${ARG_NAME} PRIVATE
        MTR_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
        MTR_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/data"
        MTR_SHARED_FIXTURES_DIR="${PROJECT_SOURCE_DIR}/../shared/fixtures"
        MTR_TEST_OUTPUT_DIR="${MTR_TEST_OUTPUT_DIR}"
        MTR_BINARY_DIR="${PROJECT_BINARY_DIR}")
    mtr_target_defaults(${ARG_NAME})
    add_test(NAME ${ARG_NAME} COMMAND ${ARG_WRAP} $<TARGET_FILE:${ARG_NAME}>)
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 120)
    endif()
    set(_env "QT_QPA_PLATFORM=offscreen" "LANG=C.UTF-8" "LC_ALL=C.UTF-8" ${ARG_ENVIRONMENT})
    set_tests_properties(${ARG_NAME} PROPERTIES ENVIRONMENT "${_env}" TIMEOUT ${ARG_TIMEOUT})
    if(ARG_LABELS)
        set_tests_properties(${ARG_NAME} PROPERTIES LABELS "${ARG_LABELS}")
    endif()
    if(ARG_FIXTURES)
        set_tests_properties(${ARG_NAME} PROPERTIES FIXTURES_REQUIRED "${ARG_FIXTURES}")
    endif()
endfunction()
