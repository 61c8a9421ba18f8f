from django.core.management.base import BaseCommand

from resolutions import demo


class Command(BaseCommand):
    help = "Load demo organizations, users, companies, precedents, evidence and a draft. Safe to run twice."

    def handle(self, *args, **options):
        users = demo.load_all()
        self.stdout.write(self.style.SUCCESS("Demo data loaded. Sign in with:"))
        for user in users:
            role = "curator" if user.is_staff else f"filer at {user.organization}"
            self.stdout.write(f"  {user.email:<24} password: {demo.DEMO_PASSWORD}   ({role})")
