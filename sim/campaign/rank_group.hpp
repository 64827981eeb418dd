// The processes one sweep is spread over: this process alone, or the ranks of an MPI job started by mpirun
// (Open MPI), each running its share of the runs; rank 0 gathers the results and writes the outputs.
#pragma once
#include <memory>
#include <string>
#include <vector>

namespace st::campaign {

class RankGroup {
 public:
  virtual ~RankGroup() = default;
  virtual int rank() const = 0;
  virtual int size() const = 0;
  virtual int local_size() const = 0;  // ranks on this machine
  virtual int broadcast(int value) = 0;  // rank 0's value, on every rank
  // Every rank's text in rank order on rank 0; empty on the others.
  virtual std::vector<std::string> gather(const std::string& mine) = 0;
  [[noreturn]] virtual void abort(int code) = 0;  // ends every rank
};

// Started by mpirun (Open MPI's or a PMIx launcher's environment is set).
bool launched_by_mpirun();
// MPI's world when launched by mpirun, else this process alone. std::runtime_error when launched by mpirun but
// built without MPI (each rank would run the whole sweep).
std::unique_ptr<RankGroup> join_rank_group();

#ifdef ST_HAVE_MPI
std::unique_ptr<RankGroup> join_mpi_world();  // mpi_rank_group.cpp
#endif

}  // namespace st::campaign
