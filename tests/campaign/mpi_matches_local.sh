#!/bin/sh
# The same sweep on the local cores and on 2 MPI ranks over loopback (Open MPI's TCP transport on lo, the ranks
# placed by a hostfile as on a cluster): both ranks run a share of the runs, and sweep.csv, summary.csv and every
# plot are byte for byte the local run's.
#   mpi_matches_local.sh SIDEWALK_TWIN MPIRUN SWEEP.yaml WORK_DIR
set -eu
twin=$1 mpirun=$2 sweep=$3 work=$4
rm -rf "$work"
mkdir -p "$work"
"$twin" sweep "$sweep" --out "$work/local" --jobs 2 --quiet
as_root=""
[ "$(id -u)" -ne 0 ] || as_root="--allow-run-as-root"
echo "localhost slots=2" >"$work/hostfile"
# Open MPI's components stay loaded until exit, and under AddressSanitizer allocations are unwound slowly (Open
# MPI has no frame pointers), so that a leak report names the libraries lsan.supp lets go.
export OMPI_MCA_mca_base_component_disable_dlclose=1
[ -z "${ASAN_OPTIONS:-}" ] || export ASAN_OPTIONS="$ASAN_OPTIONS:fast_unwind_on_malloc=0"
"$mpirun" $as_root -n 2 --hostfile "$work/hostfile" --mca btl self,tcp --mca btl_tcp_if_include lo \
  --mca oob_tcp_if_include lo \
  "$twin" sweep "$sweep" --out "$work/mpi" >"$work/mpi.out" 2>"$work/mpi.err" || {
  echo "mpirun failed:"; cat "$work/mpi.out" "$work/mpi.err"; exit 1; }
for rank in 0 1; do
  grep -q "\[rank $rank/2\]: .* runs done" "$work/mpi.err" || { echo "rank $rank ran nothing"; cat "$work/mpi.err"; exit 1; }
done
for f in sweep.csv summary.csv; do
  cmp "$work/local/$f" "$work/mpi/$f"
done
if [ -d "$work/local/plots" ]; then
  n=0
  for p in "$work/local/plots/"*.png; do
    cmp "$p" "$work/mpi/plots/$(basename "$p")"
    n=$((n + 1))
  done
  [ "$n" -gt 0 ] || { echo "no plots"; exit 1; }
  [ "$(ls "$work/mpi/plots" | wc -l)" -eq "$n" ] || { echo "the MPI run drew other plots"; exit 1; }
fi
echo "mpi_matches_local: 2 ranks, sweep.csv, summary.csv and the plots identical to the local run's"
