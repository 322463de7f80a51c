#!/usr/bin/env python3
"""Precursor geometries for the fit catalog (Sources/AnchorageCore/Data/xyz/).

Offline, not needed at run time. Needs `python3 -m pip install rdkit tblite ase` (RDKit for starting geometries of
molecules without a metal-ligand chelate, tblite 0.8.0 for GFN2-xTB, ASE 3.29.0 for the optimiser).

Method (the same as the geometries already shipped, see xyz/README.md): GFN2-xTB (Bannwarth, Ehlert, Grimme,
J. Chem. Theory Comput. 2019, 15, 1652), gas phase, BFGS to fmax 0.005 eV/Å, one conformer, spin as stated.
Starting geometries: for a metal acetylacetonate, the shipped geometry of a complex of the same shape with the metal
replaced (the ligand frame is the same); for a main-group alkyl or an aqua/ammine/chloro ion, an RDKit ETKDGv3
embedding (seed 42) or a regular octahedron/square built here.

Usage: python3 scripts/precursor-geometries.py [NAME ...]    (no name: all; `check` reruns the method on molecules
already in ../shared precursor geometry to compare sizes).
"""
import sys, os, math
import numpy as np
from ase import Atoms
from ase.io import read, write
from ase.optimize import BFGS
from tblite.ase import TBLite

HERE = os.path.dirname(os.path.abspath(__file__))
XYZ = os.path.join(HERE, "..", "Sources", "AnchorageCore", "Data", "xyz")
CHECK = os.path.join(HERE, "..", "Tests", "AnchorageFitTests", "GeometryCheck")


def from_shipped(name, metal):
    atoms = read(os.path.join(XYZ, name))
    symbols = atoms.get_chemical_symbols()
    index = next(i for i, s in enumerate(symbols) if s not in ("C", "H", "O", "N"))
    symbols[index] = metal
    atoms.set_chemical_symbols(symbols)
    return atoms, f"start: {name} with the metal replaced by {metal}"


def from_smiles(smiles):
    from rdkit import Chem
    from rdkit.Chem import AllChem
    import rdkit
    mol = Chem.AddHs(Chem.MolFromSmiles(smiles))
    params = AllChem.ETKDGv3()
    params.randomSeed = 42
    AllChem.EmbedMolecule(mol, params)
    conf = mol.GetConformer()
    atoms = Atoms([a.GetSymbol() for a in mol.GetAtoms()], positions=conf.GetPositions())
    return atoms, f"start: RDKit {rdkit.__version__} ETKDGv3 embedding of {smiles} (seed 42)"


def octahedral(metal, ligand, distance):
    """A regular octahedron of water or chloride (or a square of ammonia when ligand ends in 4)."""
    axes = [np.array(v, float) for v in [(1, 0, 0), (-1, 0, 0), (0, 1, 0), (0, -1, 0), (0, 0, 1), (0, 0, -1)]]
    symbols, positions = [metal], [np.zeros(3)]
    if ligand == "NH3-4":
        axes = axes[:4]
    for axis in axes:
        if ligand == "Cl":
            symbols.append("Cl"); positions.append(axis * distance)
        elif ligand == "H2O":
            o = axis * distance
            perp = np.cross(axis, (0, 0, 1) if abs(axis[2]) < 0.5 else (1, 0, 0))
            perp /= np.linalg.norm(perp)
            symbols += ["O", "H", "H"]
            positions += [o, o + 0.59 * axis + 0.76 * perp, o + 0.59 * axis - 0.76 * perp]
        else:  # NH3
            n = axis * distance
            p1 = np.cross(axis, (0, 0, 1)); p1 /= np.linalg.norm(p1)
            p2 = np.cross(axis, p1)
            symbols.append("N"); positions.append(n)
            for k in range(3):
                a = 2 * math.pi * k / 3
                symbols.append("H"); positions.append(n + 0.34 * axis + 0.95 * (math.cos(a) * p1 + math.sin(a) * p2))
    return Atoms(symbols, positions=positions), f"start: regular {'square' if ligand == 'NH3-4' else 'octahedron'} of {ligand.split('-')[0]}, M-L {distance} A"


def methyl_hydrogens(carbon, away):
    """Three H at 1.09 Å on a carbon, tetrahedral about the direction `away` from what it is bonded to."""
    a = away / np.linalg.norm(away)
    p1 = np.cross(a, (0, 0, 1) if abs(a[2]) < 0.9 else (1, 0, 0)); p1 /= np.linalg.norm(p1)
    p2 = np.cross(a, p1)
    return [carbon + 1.09 * (0.334 * a + 0.943 * (math.cos(2 * math.pi * k / 3) * p1 + math.sin(2 * math.pi * k / 3) * p2))
            for k in range(3)]


def tma_dimer():
    """Al2(CH3)6: two Al 2.6 Å apart bridged by two methyls, two terminal methyls on each Al (standard bond lengths)."""
    symbols, positions = [], []
    for x in (1.3, -1.3):
        symbols.append("Al"); positions.append(np.array([x, 0.0, 0.0]))
    for y in (1.7, -1.7):
        c = np.array([0.0, y, 0.0])
        symbols.append("C"); positions.append(c)
        for h in methyl_hydrogens(c, np.array([0.0, y, 0.0])):
            symbols.append("H"); positions.append(h)
    for x in (1.3, -1.3):
        for z in (1.62, -1.62):
            c = np.array([x + math.copysign(1.1, x), 0.0, z])
            symbols.append("C"); positions.append(c)
            for h in methyl_hydrogens(c, c - np.array([x, 0.0, 0.0])):
                symbols.append("H"); positions.append(h)
    return Atoms(symbols, positions=positions), "start: methyl-bridged Al2C6 core built from standard bond lengths"


# name: (builder, charge, unpaired electrons, note)
MOLECULES = {
    "Mn_acac_3": (lambda: from_shipped("Cr_acac_3.xyz", "Mn"), 0, 4, "high-spin Mn(III) d4"),
    "Co_acac_2": (lambda: from_shipped("Ni_acac_2.xyz", "Co"), 0, 3,
                  "high-spin Co(II) d7, the gas-phase MONOMER (the solid is the tetramer [Co(acac)2]4)"),
    "TMA_dimer": (tma_dimer, 0, 0,
                  "Al2(CH3)6, the methyl-bridged dimer"),
    "TMA_monomer": (lambda: from_smiles("C[Al](C)C"), 0, 0, "Al(CH3)3 monomer"),
    "DEZ": (lambda: from_smiles("CC[Zn]CC"), 0, 0, "Zn(C2H5)2"),
    # [Fe(H2O)6]3+ is not shipped: GFN2-xTB gives Fe-O 2.31 A, far longer than Fe(III)-O bonds (see Fe(acac)3).
    "Zn_H2O_6": (lambda: octahedral("Zn", "H2O", 2.1), 2, 0, "[Zn(H2O)6]2+"),
    "PtCl6": (lambda: octahedral("Pt", "Cl", 2.32), -2, 0, "[PtCl6]2- (the anion of H2PtCl6)"),
    "Pt_NH3_4": (lambda: octahedral("Pt", "NH3-4", 2.05), 2, 0, "[Pt(NH3)4]2+ (the cation of [Pt(NH3)4](NO3)2)"),
    # Method check against ../shared precursor geometry (same method, computed independently there).
    "check_Co_acac_3": (lambda: from_shipped("Cr_acac_3.xyz", "Co"), 0, 0, "method check: low-spin Co(III)"),
    "check_2-methylimidazole": (lambda: from_smiles("Cc1ncc[nH]1"), 0, 0, "method check"),
}


def run(name):
    builder, charge, unpaired, note = MOLECULES[name]
    atoms, start = builder()
    atoms.calc = TBLite(method="GFN2-xTB", charge=charge, multiplicity=unpaired + 1, verbosity=0)
    opt = BFGS(atoms, logfile=None)
    opt.run(fmax=0.005, steps=2000)
    fmax = float(np.abs(atoms.get_forces()).max())
    energy = atoms.get_potential_energy()
    comment = (f"{name}: GFN2-xTB (tblite 0.8.0) optimised, charge={charge}, unpaired electrons={unpaired}, "
               f"E={energy:.6f} eV, fmax={fmax:.4f} eV/A, gas phase; {note}; {start}")
    folder = CHECK if name.startswith("check_") else XYZ
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, name.replace("check_", "") + ".xyz")
    with open(path, "w") as f:
        f.write(f"{len(atoms)}\n{comment}\n")
        for s, (x, y, z) in zip(atoms.get_chemical_symbols(), atoms.get_positions()):
            f.write(f"{s:<2} {x:14.8f} {y:14.8f} {z:14.8f}\n")
    print(path, comment)


if __name__ == "__main__":
    names = sys.argv[1:] or list(MOLECULES)
    for name in names:
        run(name)
