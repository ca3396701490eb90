#include "host/png_export.hpp"

#include <GL/gl.h>
#include <stb/stb_image_write.h>

#include <cstdio>
#include <fstream>

namespace cssim::viewer {

bool write_framebuffer_png(const std::filesystem::path& path, int width, int height,
                           std::string* error) {
    std::vector<unsigned char> pixels(static_cast<std::size_t>(width) *
                                      static_cast<std::size_t>(height) * 3);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
    // OpenGL rows run bottom-up; PNG rows top-down.
    std::vector<unsigned char> flipped(pixels.size());
    const std::size_t row = static_cast<std::size_t>(width) * 3;
    for (int y = 0; y < height; ++y) {
        std::copy_n(pixels.data() + static_cast<std::size_t>(height - 1 - y) * row, row,
                    flipped.data() + static_cast<std::size_t>(y) * row);
    }
    if (stbi_write_png(path.c_str(), width, height, 3, flipped.data(), static_cast<int>(row)) ==
        0) {
        if (error != nullptr)
            *error = "cannot write " + path.string();
        return false;
    }
    return true;
}

bool write_panel_rects_json(const std::filesystem::path& path, const std::vector<PanelRect>& rects,
                            int width, int height, float scale_x, float scale_y,
                            std::string* error) {
    std::ofstream out(path);
    if (!out) {
        if (error != nullptr)
            *error = "cannot write " + path.string();
        return false;
    }
    out << "{\"width\":" << width << ",\"height\":" << height << ",\"panels\":[";
    for (std::size_t i = 0; i < rects.size(); ++i) {
        const auto& r = rects[i];
        char buf[256];
        std::snprintf(buf, sizeof buf,
                      "%s{\"name\":\"%s\",\"x\":%.0f,\"y\":%.0f,\"w\":%.0f,\"h\":%.0f}",
                      i == 0 ? "" : ",", r.name.c_str(), static_cast<double>(r.x * scale_x),
                      static_cast<double>(r.y * scale_y), static_cast<double>(r.width * scale_x),
                      static_cast<double>(r.height * scale_y));
        out << buf;
    }
    out << "]}\n";
    return static_cast<bool>(out);
}

}  // namespace cssim::viewer
