"""The GitHub Pages workflow parses, uses the official actions and installs from this repo."""

from pathlib import Path

import yaml

WORKFLOW = Path(__file__).resolve().parents[1] / ".github" / "workflows" / "pages.yml"


def load() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def steps(data: dict) -> list[dict]:
    return [step for job in data["jobs"].values() for step in job["steps"]]


def test_workflow_runs_on_push_to_main_when_inputs_change():
    on = load()[True]  # YAML 1.1 reads the key `on` as true
    assert on["push"]["branches"] == ["main"]
    for path in ("seeds/**", "templates/**", "mkdocs.yml"):
        assert path in on["push"]["paths"]


def test_workflow_uses_only_official_actions():
    uses = [s["uses"].split("@")[0] for s in steps(load()) if "uses" in s]
    assert {"actions/checkout", "actions/configure-pages", "actions/upload-pages-artifact",
            "actions/deploy-pages"} <= set(uses)
    assert all(u.startswith("actions/") for u in uses)


def test_workflow_installs_from_the_project_and_builds_strictly():
    runs = " ".join(s.get("run", "") for s in steps(load()))
    assert "pip install -e ." in runs
    assert "briefing build --strict" in runs
    data = load()
    assert data["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}


def test_workflow_builds_with_the_deployments_site_url():
    """Without site_url the sitemap is empty and the feed's links relative, on the published site too."""
    build_steps = [s for s in steps(load()) if "briefing build" in s.get("run", "")]
    assert len(build_steps) == 1
    assert '--site-url "${{ steps.pages.outputs.base_url }}/"' in build_steps[0]["run"]
    ids = [s.get("id") for s in steps(load())]
    assert ids.index("pages") < steps(load()).index(build_steps[0])  # configure-pages runs first
