import secrets

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from comparisons.roles import EDITORS_GROUP, sync_editors_group


class Command(BaseCommand):
    help = (
        "Create an editor account (staff, in the Editors group: content only, no user management), "
        "or add an existing account to the group. A new account gets a generated password, printed once."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--email", default="")

    def handle(self, *args, username, email, **options):
        if email:
            try:
                validate_email(email)
            except ValidationError:
                raise CommandError(f"“{email}” is not an email address.") from None
        group = sync_editors_group()
        User = get_user_model()
        user, created = User.objects.get_or_create(username=username, defaults={"email": email})
        password = None
        if created:
            password = secrets.token_urlsafe(12)
            user.set_password(password)
        user.is_staff = True
        user.save()
        user.groups.add(group)
        if created:
            self.stdout.write(self.style.SUCCESS(f"Created editor {username} / password: {password}"))
            self.stdout.write("This password is shown only once; change it with manage.py changepassword.")
        else:
            self.stdout.write(f"{username} is now staff and in the {EDITORS_GROUP} group (password unchanged).")
