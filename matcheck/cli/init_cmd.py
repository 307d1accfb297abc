"""``matcheck init [FOLDER]``: write a commented profile template to fill in."""

from __future__ import annotations

from pathlib import Path

import typer

from matcheck.cli.common import EXIT_OK, UsageError, handle_errors, info


def register(app: typer.Typer) -> None:
    @app.command("init")
    @handle_errors
    def init(
        folder: Path = typer.Argument(Path("."), help="Where to write profile.yaml (created if missing)."),
        force: bool = typer.Option(False, "--force", help="Overwrite an existing profile.yaml."),
    ) -> None:
        """Write a commented profile.yaml template (comments in Chinese)."""
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
