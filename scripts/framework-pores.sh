#!/usr/bin/env bash
# Recomputes the pore diameters (LCD, PLD) and the cavity list of every catalog framework whose values in
# Sources/AnchorageCore/Data/frameworks.yaml carry `method: anchorage pores`, from the published structures they
# cite. The structures are not part of this repository: give the folder that holds them (the `structures/` and
# `coremof-2019/cifs/` folders of the shared data set described in frameworks.yaml's notes).
#
#   scripts/framework-pores.sh DATA_DIR [anchorage binary]
#
# Prints one tab-separated row per structure: framework id, file, LCD, PLD (Å, Zeo++ default radii, default grid),
# then the cavities of the cell (diameter/saddle diameter, Å) as `anchorage pores --format json` reports them.
set -euo pipefail
data="${1:?usage: scripts/framework-pores.sh DATA_DIR [anchorage binary]}"
bin="${2:-.build/release/anchorage}"
[ -x "$bin" ] || { echo "build first: swift build -c release --product anchorage" >&2; exit 2; }
while read -r id file; do
  [ -z "$id" ] && continue
  "$bin" pores "$data/$file" --format json | python3 -c '
import json, sys
d = json.load(sys.stdin); g = d["geometry"]
cav = " ".join("%.2f/%s" % (c["diameter"], "-" if c.get("saddleDiameter") is None else "%.2f" % c["saddleDiameter"]) for c in g["cavities"])
print("\t".join([sys.argv[1], sys.argv[2], "%.5f" % g["largestCavityDiameter"], "%.5f" % g["poreLimitingDiameter"], d["formula"], cav]))
' "$id" "$file"
done <<'LIST'
uio-66-nh2 structures/uio-66-nh2.cif
mof-808-hf structures/mof-808-hf.cif
mil-101-fe structures/mil-101-fe.cif
mfu-4l structures/mfu-4l.cif
cof-366 structures/cof-366.cif
tpbpy structures/tpbpy.cif
cof-lzu1 structures/cof-lzu1.cif
zif-90 structures/zif-90.cif
co-mof-74 structures/co-mof-74.cif
zif-8 coremof-2019/cifs/FSR_FAWCEN_SL.cif
uio-66 coremof-2019/cifs/FSR_RUBTAK01_SL.cif
hkust-1 coremof-2019/cifs/ASR_FIQCEN_clean.cif
mof-5 coremof-2019/cifs/FSR_EDUSIF_freeONLY.cif
mil-101-cr coremof-2019/cifs/FSR_OCUNAC_manual.cif
mof-808 structures/mof-808-hf.cif
mil-100-fe structures/mil-100-fe.cif
zif-67 structures/zif-67.cif
LIST
