"""Running headers and footers as artifacts, so a screen reader does not read them on every page.

WeasyPrint tags the content of page margin boxes as spans whose structure elements hang outside
the document's structure tree (artifacts inside the tree need PDF 2.0). This step, run on the
written PDF, finds every marked-content sequence whose structure element the tree does not reach,
marks it `/Artifact` with type Pagination, and drops it from the parent tree. The rest of the
file is left as WeasyPrint wrote it (PDF/A-2a identification included), and the output is
deterministic.
"""

from __future__ import annotations

from pathlib import Path

import pikepdf


def _reachable(root: pikepdf.Dictionary) -> set[tuple[int, int]]:
    found: set[tuple[int, int]] = set()
    stack = [root.get("/K")]
    while stack:
        node = stack.pop()
        if isinstance(node, pikepdf.Array):
            stack.extend(node)
        elif isinstance(node, pikepdf.Dictionary) and "/S" in node:
            if node.objgen in found:
                continue
            found.add(node.objgen)
            stack.append(node.get("/K"))
    return found


def _parent_tree_arrays(tree: pikepdf.Dictionary) -> dict[int, pikepdf.Array]:
    arrays: dict[int, pikepdf.Array] = {}
    stack = [tree]
    while stack:
        node = stack.pop()
        nums = node.get("/Nums")
        if nums is not None:
            for index in range(0, len(nums), 2):
                if isinstance(nums[index + 1], pikepdf.Array):
                    arrays[int(nums[index])] = nums[index + 1]
        stack.extend(node.get("/Kids", []))
    return arrays


def mark_running_content(path: Path) -> int:
    """Mark margin-box content of the PDF at `path` as artifacts; the number of sequences marked."""
    marked = 0
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        root = pdf.Root.get("/StructTreeRoot")
        if root is None or "/ParentTree" not in root:
            return 0
        reachable = _reachable(root)
        arrays = _parent_tree_arrays(root.ParentTree)
        for page in pdf.pages:
            key = page.obj.get("/StructParents")
            if key is None or int(key) not in arrays:
                continue
            elements = arrays[int(key)]
            outside = {mcid for mcid, element in enumerate(elements)
                       if isinstance(element, pikepdf.Dictionary) and element.objgen not in reachable}
            if not outside:
                continue
            page.contents_coalesce()
            instructions = []
            for operands, operator in pikepdf.parse_content_stream(page):
                if (str(operator) == "BDC" and len(operands) == 2 and isinstance(operands[1], pikepdf.Dictionary)
                        and int(operands[1].get("/MCID", -1)) in outside):
                    operands = [pikepdf.Name.Artifact, pikepdf.Dictionary(Type=pikepdf.Name.Pagination)]
                    marked += 1
                instructions.append((operands, operator))
            page.Contents = pdf.make_stream(pikepdf.unparse_content_stream(instructions))
            for mcid in outside:
                elements[mcid] = None  # PDF null: no structure element for an artifact
        pdf.save(path, deterministic_id=True)
    return marked
