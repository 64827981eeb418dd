#include "sim/api/api_credentials.hpp"

#include <set>

#include "sim/aws/json_fields.hpp"

namespace st::api {

std::vector<Credentials> read_api_credentials(const std::filesystem::path& file) {
  const nlohmann::json doc = aws::read_json_file(file);
  const aws::JsonField root(doc, file.string());
  std::vector<Credentials> out;
  std::set<std::string> ids;
  const auto one = [&](const aws::JsonField& f) {
    Credentials c;
    c.access_key_id = f.at("aws_access_key_id").string();
    c.secret_access_key = f.at("aws_secret_access_key").string();
    if (c.access_key_id.empty()) f.at("aws_access_key_id").fail("empty");
    if (c.secret_access_key.empty()) f.at("aws_secret_access_key").fail("empty");
    if (!ids.insert(c.access_key_id).second) f.at("aws_access_key_id").fail("named twice");
    out.push_back(std::move(c));
  };
  if (doc.is_array()) {
    if (doc.empty()) root.fail("no credentials in the array");
    for (std::size_t i = 0; i < root.size_of_array(); ++i) one(root.item(i));
  } else {
    one(root);
  }
  return out;
}

}  // namespace st::api
