from django import forms
from django.contrib.auth.password_validation import validate_password


class MemberInvitationForm(forms.Form):
    email = forms.EmailField(label="Colleague's email", help_text="They get a link that works once, for this address.")


class NewAccountForm(forms.Form):
    first_name = forms.CharField(max_length=150)
    last_name = forms.CharField(max_length=150)
    password1 = forms.CharField(label="Password", widget=forms.PasswordInput, strip=False)
    password2 = forms.CharField(label="Password again", widget=forms.PasswordInput, strip=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("password1") != cleaned.get("password2"):
            raise forms.ValidationError("The two passwords differ.")
        if cleaned.get("password1"):
            validate_password(cleaned["password1"])
        return cleaned

    def account(self) -> dict:
        d = self.cleaned_data
        return {"password": d["password1"], "first_name": d["first_name"], "last_name": d["last_name"]}


class OrganizationNameForm(forms.Form):
    legal_name = forms.CharField(
        label="Your organization's legal name", max_length=255,
        help_text="As it will appear on filings. If your organization already has an account here, "
                  "ask one of its members to add you instead.")
