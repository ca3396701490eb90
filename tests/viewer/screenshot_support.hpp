#pragma once
// What the screenshot tests share: PNG loading, colour counting and exit statuses.
#include <stb/stb_image.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <set>
#include <vector>

namespace cssim::viewer::testing {

struct Image {
    int width = 0;
    int height = 0;
    std::vector<unsigned char> rgb;
};

inline Image load_png(const std::filesystem::path& path) {
    Image img;
    int channels = 0;
    unsigned char* data = stbi_load(path.c_str(), &img.width, &img.height, &channels, 3);
    if (data == nullptr)
        return img;
    img.rgb.assign(data, data + static_cast<std::size_t>(img.width) * img.height * 3);
    stbi_image_free(data);
    return img;
}

/** Distinct colours (quantised to 5 bits a channel) in a rectangle, sampling every pixel. */
inline std::size_t distinct_colours(const Image& img, int x0, int y0, int w, int h) {
    std::set<unsigned> colours;
    for (int y = std::max(0, y0); y < std::min(img.height, y0 + h); ++y) {
        for (int x = std::max(0, x0); x < std::min(img.width, x0 + w); ++x) {
            const unsigned char* p = &img.rgb[(static_cast<std::size_t>(y) * img.width + x) * 3];
            colours.insert((p[0] >> 3) << 10 | (p[1] >> 3) << 5 | (p[2] >> 3));
        }
    }
    return colours.size();
}

inline int exit_status(int system_result) {
    return WIFEXITED(system_result) ? WEXITSTATUS(system_result) : -1;
}

inline bool have_xvfb() {
    return std::system("command -v xvfb-run >/dev/null 2>&1") == 0;
}

}  // namespace cssim::viewer::testing
