from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.redemption import Redemption
from ...models.redemption_in import RedemptionIn
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    user_id: str,
    *,
    body: RedemptionIn,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/users/{user_id}/vouchers/redemptions".format(user_id=quote(str(user_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | Redemption:
    if response.status_code == 201:
        response_201 = Redemption.from_dict(response.json())



        return response_201

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())



        return response_404

    if response.status_code == 409:
        response_409 = Error.from_dict(response.json())



        return response_409

    if response.status_code == 413:
        response_413 = Error.from_dict(response.json())



        return response_413

    if response.status_code == 415:
        response_415 = Error.from_dict(response.json())



        return response_415

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())



        return response_422

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())



        return response_429

    if response.status_code == 503:
        response_503 = Error.from_dict(response.json())



        return response_503

    response_default = Error.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | Redemption]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    user_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: RedemptionIn,
    idempotency_key: str | Unset = UNSET,

) -> Response[Error | Redemption]:
    """ Consent to paying with some of one's vouchers: a single-use redemption token

     The holder's own key (or an operator acting for them) mints it and
    hands it to the storefront, which sends it as each voucher's
    redemption_token in POST /v1/sales.  It pays one sale, at most
    max_amount from these vouchers, before expires_at; merchant_id, when
    given, is the one merchant that may use it.  The token is in this
    answer (and in the answer to the same request again); refgraph keeps
    only its hash.

    Args:
        user_id (str):
        idempotency_key (str | Unset):
        body (RedemptionIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Redemption]
     """


    kwargs = _get_kwargs(
        user_id=user_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    user_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: RedemptionIn,
    idempotency_key: str | Unset = UNSET,

) -> Error | Redemption | None:
    """ Consent to paying with some of one's vouchers: a single-use redemption token

     The holder's own key (or an operator acting for them) mints it and
    hands it to the storefront, which sends it as each voucher's
    redemption_token in POST /v1/sales.  It pays one sale, at most
    max_amount from these vouchers, before expires_at; merchant_id, when
    given, is the one merchant that may use it.  The token is in this
    answer (and in the answer to the same request again); refgraph keeps
    only its hash.

    Args:
        user_id (str):
        idempotency_key (str | Unset):
        body (RedemptionIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Redemption
     """


    return sync_detailed(
        user_id=user_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    user_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: RedemptionIn,
    idempotency_key: str | Unset = UNSET,

) -> Response[Error | Redemption]:
    """ Consent to paying with some of one's vouchers: a single-use redemption token

     The holder's own key (or an operator acting for them) mints it and
    hands it to the storefront, which sends it as each voucher's
    redemption_token in POST /v1/sales.  It pays one sale, at most
    max_amount from these vouchers, before expires_at; merchant_id, when
    given, is the one merchant that may use it.  The token is in this
    answer (and in the answer to the same request again); refgraph keeps
    only its hash.

    Args:
        user_id (str):
        idempotency_key (str | Unset):
        body (RedemptionIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Redemption]
     """


    kwargs = _get_kwargs(
        user_id=user_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    user_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: RedemptionIn,
    idempotency_key: str | Unset = UNSET,

) -> Error | Redemption | None:
    """ Consent to paying with some of one's vouchers: a single-use redemption token

     The holder's own key (or an operator acting for them) mints it and
    hands it to the storefront, which sends it as each voucher's
    redemption_token in POST /v1/sales.  It pays one sale, at most
    max_amount from these vouchers, before expires_at; merchant_id, when
    given, is the one merchant that may use it.  The token is in this
    answer (and in the answer to the same request again); refgraph keeps
    only its hash.

    Args:
        user_id (str):
        idempotency_key (str | Unset):
        body (RedemptionIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Redemption
     """


    return (await asyncio_detailed(
        user_id=user_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
