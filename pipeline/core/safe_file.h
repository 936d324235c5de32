// Opening inputs safely: every file the pipeline reads is opened without
// blocking (O_NONBLOCK) and checked to be a regular file (fstat) before a
// byte is read, so a FIFO, socket or device never hangs a run and a folder
// gets a message of its own. Every failure is an InputError in Japanese.
#pragma once
#include <filesystem>
#include <string>
#include <system_error>

namespace fidelity {

// The Japanese reason for an errno value ("ファイルがありません",
// "書き込む権限がありません" …); `writing` picks the wording of the
// permission and read-only cases.
std::string ErrnoText(int err, bool writing = false);

// A std::filesystem / system error as a Japanese sentence naming the path.
std::string FsErrorText(const std::filesystem::filesystem_error& e);
std::string FsErrorText(const std::error_code& ec, const std::filesystem::path& p);

// Opens `path` for reading; returns a blocking file descriptor of a regular
// file. Throws InputError(code_prefix + ".read" / ".not_a_file", path, …).
int OpenRegularFile(const std::filesystem::path& path, const std::string& code_prefix = "io");

// Reads a whole regular file through OpenRegularFile. Throws InputError
// ("io.read", "io.not_a_file", "io.too_large").
std::string ReadRegularFile(const std::filesystem::path& path, size_t max_bytes);

}  // namespace fidelity
