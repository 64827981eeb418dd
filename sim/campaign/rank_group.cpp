#include "sim/campaign/rank_group.hpp"

#include <cstdlib>
#include <stdexcept>

namespace st::campaign {

namespace {

class SingleProcess : public RankGroup {
 public:
  int rank() const override { return 0; }
  int size() const override { return 1; }
  int local_size() const override { return 1; }
  int broadcast(int value) override { return value; }
  std::vector<std::string> gather(const std::string& mine) override { return {mine}; }
  [[noreturn]] void abort(int code) override { std::exit(code); }
};

}  // namespace

bool launched_by_mpirun() {
  return std::getenv("OMPI_COMM_WORLD_SIZE") != nullptr || std::getenv("PMIX_RANK") != nullptr;
}

std::unique_ptr<RankGroup> join_rank_group() {
  if (!launched_by_mpirun()) return std::make_unique<SingleProcess>();
#ifdef ST_HAVE_MPI
  return join_mpi_world();
#else
  throw std::runtime_error(
      "started by mpirun, but this sidewalk-twin was built without MPI (install libopenmpi-dev and rebuild): "
      "every rank would run the whole sweep");
#endif
}

}  // namespace st::campaign
