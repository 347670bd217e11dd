// Kernel-side file copies for streaming weights.
#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "shim_internal.hpp"

using namespace ovx;

namespace {

struct Fd {
    int fd;
    explicit Fd(int f) : fd(f) {}
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd() {
        if (fd >= 0)
            ::close(fd);
    }
};

// Copies through a buffer, for file systems or kernels without copy_file_range.
int64_t copy_with_buffer(int in, off_t in_off, int out, off_t out_off, int64_t length) {
    std::vector<char> buffer(1 << 20);
    int64_t done = 0;
    while (done < length) {
        size_t want = static_cast<size_t>(std::min<int64_t>(buffer.size(), length - done));
        ssize_t n = ::pread(in, buffer.data(), want, in_off + done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return fail(OVX_ERR_GENERAL, std::string("read failed: ") + (n == 0 ? "unexpected end of file" : std::strerror(errno)));
        ssize_t written = 0;
        while (written < n) {
            ssize_t w = ::pwrite(out, buffer.data() + written, static_cast<size_t>(n - written), out_off + done + written);
            if (w < 0 && errno == EINTR)
                continue;
            if (w <= 0)
                return fail(OVX_ERR_GENERAL, std::string("write failed: ") + std::strerror(errno));
            written += w;
        }
        done += n;
    }
    return done;
}

}  // namespace

extern "C" {

int64_t ovx_copy_file_range(const char* src, int64_t src_offset, const char* dst, int64_t dst_offset, int64_t length) {
    clear_error();
    if (src == nullptr || dst == nullptr || src_offset < 0 || dst_offset < 0 || length < 0)
        return fail(OVX_ERR_INVALID_ARG, "invalid copy arguments");
    Fd in(::open(src, O_RDONLY | O_CLOEXEC));
    if (in.fd < 0)
        return fail(OVX_ERR_NOT_FOUND, std::string("cannot open ") + src + ": " + std::strerror(errno));
    Fd out(::open(dst, O_WRONLY | O_CLOEXEC));
    if (out.fd < 0)
        return fail(OVX_ERR_NOT_FOUND, std::string("cannot open ") + dst + ": " + std::strerror(errno));
#ifdef __linux__
    loff_t in_off = src_offset;
    loff_t out_off = dst_offset;
    int64_t done = 0;
    while (done < length) {
        ssize_t n = ::copy_file_range(in.fd, &in_off, out.fd, &out_off, static_cast<size_t>(length - done), 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EXDEV || errno == ENOSYS || errno == EINVAL || errno == EOPNOTSUPP)) {
            int64_t rest = copy_with_buffer(in.fd, in_off, out.fd, out_off, length - done);
            return rest < 0 ? rest : done + rest;
        }
        if (n < 0)
            return fail(OVX_ERR_GENERAL, std::string("copy_file_range failed: ") + std::strerror(errno));
        if (n == 0)
            return fail(OVX_ERR_GENERAL, std::string("unexpected end of ") + src);
        done += n;
    }
    return done;
#else
    return copy_with_buffer(in.fd, src_offset, out.fd, dst_offset, length);
#endif
}

int ovx_tmpfile_open(const char* dir) {
    clear_error();
    if (dir == nullptr)
        return fail(OVX_ERR_INVALID_ARG, "dir is NULL");
#if defined(__linux__) && defined(O_TMPFILE)
    int fd = ::open(dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);  // the umask applies
    if (fd >= 0)
        return fd;
    if (errno == EOPNOTSUPP || errno == EISDIR || errno == EINVAL || errno == ENOSYS)
        return fail(OVX_ERR_UNSUPPORTED, std::string("no unnamed files (O_TMPFILE) in ") + dir);
    return fail(OVX_ERR_GENERAL, std::string("cannot create a file in ") + dir + ": " + std::strerror(errno));
#else
    return fail(OVX_ERR_UNSUPPORTED, "no unnamed files (O_TMPFILE) on this system");
#endif
}

int ovx_tmpfile_publish(int fd, const char* target) {
    clear_error();
    if (fd < 0 || target == nullptr)
        return fail(OVX_ERR_INVALID_ARG, "invalid publish arguments");
#ifdef __linux__
    static std::atomic<unsigned> counter{0};
    std::string to(target);
    auto slash = to.rfind('/');
    std::string dir = slash == std::string::npos ? "." : to.substr(0, slash + 1);
    std::string proc = "/proc/self/fd/" + std::to_string(fd);
    for (int attempt = 0; attempt < 100; ++attempt) {
        char name[96];
        std::snprintf(name, sizeof name, ".ov2onnx-%d-%u.link", static_cast<int>(::getpid()), counter++);
        std::string link = (slash == std::string::npos ? std::string() : dir) + name;
        if (::linkat(AT_FDCWD, proc.c_str(), AT_FDCWD, link.c_str(), AT_SYMLINK_FOLLOW) != 0) {
            if (errno == EEXIST)
                continue;
            return fail(OVX_ERR_GENERAL, "cannot link " + to + ": " + std::strerror(errno));
        }
        if (::rename(link.c_str(), target) != 0) {
            int e = errno;
            ::unlink(link.c_str());
            return fail(OVX_ERR_GENERAL, "cannot rename into " + to + ": " + std::strerror(e));
        }
        return OVX_OK;
    }
    return fail(OVX_ERR_GENERAL, "cannot find a free temporary name next to " + to);
#else
    return fail(OVX_ERR_UNSUPPORTED, "no unnamed files on this system");
#endif
}

int ovx_tmpfile_close(int fd) {
    clear_error();
    if (fd < 0)
        return fail(OVX_ERR_INVALID_ARG, "invalid descriptor");
    return ::close(fd) == 0 ? OVX_OK : fail(OVX_ERR_GENERAL, std::strerror(errno));
}

}  // extern "C"
