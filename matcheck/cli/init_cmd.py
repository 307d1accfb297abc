"""``matcheck init [FOLDER]``: write a commented profile template to fill in; with ``--from-documents``, draft the
profile from the documents in FOLDER (to ``-o FILE`` or stdout, never into the folder)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from matcheck.cli.common import (EXIT_OK, UsageError, as_of_option, check_ocr_backend, handle_errors, info,
                                 parse_as_of, reading_progress, write_output)


def register(app: typer.Typer) -> None:
    @app.command("init")
    @handle_errors
    def init(
        folder: Path = typer.Argument(Path("."), help="Where to write profile.yaml (created if missing); with "
                                      "--from-documents, the applicant's folder to read."),
        force: bool = typer.Option(False, "--force", help="Overwrite an existing profile.yaml."),
        from_documents: bool = typer.Option(False, "--from-documents",
                                            help="Draft the profile from the documents in FOLDER (to -o or stdout)."),
        output: Optional[Path] = typer.Option(None, "-o", "--output", envvar="MATCHECK_OUTPUT",
                                              help="With --from-documents: write the draft to FILE (not inside "
                                                   "FOLDER)."),
        as_of: Optional[str] = as_of_option(),
        no_cache: bool = typer.Option(False, "--no-cache", envvar="MATCHECK_NO_CACHE",
                                      help="Read every file again (ignore the extraction cache)."),
        cache_dir: Optional[Path] = typer.Option(None, "--cache-dir", envvar="MATCHECK_CACHE_DIR",
                                                 help="Where the extraction cache lives (never inside FOLDER)."),
    ) -> None:
        """Write a commented profile.yaml template, or draft one from the folder's documents (comments in Chinese)."""
        if from_documents:
            check_ocr_backend()
            text, draft, _documents = draft_text(folder, parse_as_of(as_of), output, not no_cache, cache_dir)
            write_output(text, output, reading=folder)
            counts = draft.counts()
            info(f"draft: {counts['read']} facts read, {counts['missing']} not found, {counts['unsure']} unsure, "
                 f"{counts['conflict']} in conflict (待核实)")
            raise typer.Exit(EXIT_OK)
        if output is not None:
            raise UsageError("-o: only with --from-documents (the template is written to FOLDER/profile.yaml)")
        from matcheck.profile.template import TEMPLATE

        target = folder / "profile.yaml"
        if folder.exists() and not folder.is_dir():
            raise UsageError(f"{folder}: is a file (expected a folder to write profile.yaml into)")
        if target.exists() and not force:
            raise UsageError(f"{target}: already exists (use --force to overwrite)")
        try:
            folder.mkdir(parents=True, exist_ok=True)
            target.write_text(TEMPLATE, encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"{target}: cannot write ({exc.strerror or exc})") from None
        info(f"wrote {target}")
        raise typer.Exit(EXIT_OK)


def draft_text(folder: Path, as_of, output: Optional[Path], use_cache: bool, cache_dir: Optional[Path]):
    """The rendered draft of ``folder``, the Draft and the Documents it was drafted from; UsageError for a folder
    that cannot be read or an ``-o`` inside it (the draft would be read back as a supplied file)."""
    from matcheck.draft import draft_folder, render
    from matcheck.outputs import refuse_inside_applicant

    if not folder.exists():
        raise UsageError(f"{folder}: no such folder (expected an applicant's folder of documents)")
    if not folder.is_dir():
        raise UsageError(f"{folder}: not a folder (expected an applicant's folder of documents)")
    if output is not None:  # before the reading, which may take a minute of OCR
        refuse_inside_applicant(output, folder)
    draft, documents = draft_folder(folder, as_of, use_cache=use_cache, cache_dir=cache_dir,
                                    progress=reading_progress())
    return render(draft, str(folder)), draft, documents

